package org.tcmeval.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One immutable, effective-dated revision of a profile (档案版本): the parent and the profile's own
 * targets from {@link #effectiveFrom} on. A later change adds a revision; it never edits this one,
 * so the years before its {@code effectiveFrom} are judged as they were.
 */
@Entity
@Table(name = "profile_revision")
public class ProfileRevision {

    @EmbeddedId
    public Key key;

    /** First year this revision is in force. */
    @Column(name = "effective_from", nullable = false)
    public int effectiveFrom;

    @Column(name = "parent_id")
    public String parentId;

    /** The targets as {@code {"targets": [TargetSpec...]}}; see {@code mapping.TargetJson}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String targets;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Embeddable
    public record Key(@Column(name = "profile_id") String profileId, @Column(name = "revision") int revision)
            implements Serializable {
    }
}
