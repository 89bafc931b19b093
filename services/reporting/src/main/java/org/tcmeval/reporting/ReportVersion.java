package org.tcmeval.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable version of a report's figures (报告版本). */
@Entity
@Table(name = "report_version")
public class ReportVersion {

    @EmbeddedId
    public Key key;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    /** The figures as JSON text; {@code org.tcmeval.events.FiguresJson} reads and writes it. */
    public String figures;

    /** Item codes of the TCM appropriate techniques performed (JSON array text), or {@code null}. */
    public String techniques;

    /** Field-level difference to the previous version (JSON), {@code null} for version 1. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String changes;

    /** DRAFT or SUBMITTED: whether this version was submitted for review. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Embeddable
    public record Key(@Column(name = "report_id") UUID reportId, @Column(name = "version") int version)
            implements Serializable {
    }
}
