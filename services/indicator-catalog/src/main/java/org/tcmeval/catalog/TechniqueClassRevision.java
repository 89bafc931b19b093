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

/** A class with its items exactly as one revision published it (适宜技术目录版本). */
@Entity
@Table(name = "technique_class_revision")
public class TechniqueClassRevision {

    @EmbeddedId
    public Key key;

    /** JSON of {@code org.tcmeval.events.TechniqueClassChanged}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String body;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Embeddable
    public record Key(@Column(name = "scope") String scope, @Column(name = "class_code") String classCode,
            @Column(name = "revision") int revision)
            implements Serializable {
    }
}
