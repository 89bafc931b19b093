package org.tcmeval.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A review decision (审核意见) on one version of a report; kept for ever, never changed. */
@Entity
@Table(name = "report_decision")
public class ReviewDecision {

    @EmbeddedId
    public Key key;

    /** The version the reviewer looked at. */
    public int version;

    /** APPROVE or RETURN. */
    @Enumerated(EnumType.STRING)
    public ReportAction decision;

    public String comment;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;

    /** @param revision the report's revision this decision produced */
    @Embeddable
    public record Key(@Column(name = "report_id") UUID reportId, @Column(name = "revision") int revision)
            implements Serializable {
    }
}
