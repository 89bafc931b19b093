package org.tcmeval.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A periodic report (定期报告) of one institution for one period. Its figures are never updated in
 * place: every correction adds a {@link ReportVersion} and moves {@link #currentVersion}.
 */
@Entity
@Table(name = "report")
public class ReportSubmission {

    @Id
    public UUID id;

    @Column(name = "institution_id", nullable = false)
    public UUID institutionId;

    /** Division of the institution when the report was filed: the jurisdiction check reads it. */
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

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
