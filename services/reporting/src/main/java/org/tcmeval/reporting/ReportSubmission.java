package org.tcmeval.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.tcmeval.targets.InstitutionType;

/**
 * A periodic report (定期报告) of one reporter — an institution, or a county, city or province
 * about itself — for one period. Its figures are never updated in place: every correction adds a
 * {@link ReportVersion} and moves {@link #currentVersion}; every decision adds a
 * {@link ReviewDecision}. {@link #revision} counts both and is the report's ETag.
 */
@Entity
@Table(name = "report")
public class ReportSubmission {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporter_kind", nullable = false)
    public ReporterKind reporterKind;

    /** The institution id as text, or the division code of a division report. Unique per period. */
    @Column(name = "reporter_id", nullable = false)
    public String reporterId;

    /** Set for institution reports only. */
    @Column(name = "institution_id")
    public UUID institutionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "institution_type")
    public InstitutionType institutionType;

    /**
     * Division of the institution when the report was filed, or the reporting division itself:
     * the jurisdiction check reads it.
     */
    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    /** {@code 2024} (annual) or {@code 2024-Q3} (quarterly). */
    @Column(nullable = false)
    public String period;

    public int year;

    @Column(name = "current_version")
    public int currentVersion;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    public int revision;

    /** When the report was first submitted (not saved as a draft): lateness is measured on it. */
    @Column(name = "first_submitted_at")
    public OffsetDateTime firstSubmittedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
