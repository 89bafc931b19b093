package org.tcmeval.reporting.rest;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.reporting.ReportStatus;
import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.reporting.ReporterKind;
import org.tcmeval.targets.InstitutionType;

@Schema(name = "ReportSummary", description = "One line of a worklist; GET the report for its figures.")
public record ReportSummary(
        @Schema(example = "8d1f2c3a-4b5e-4f60-9a7b-1c2d3e4f5a6b") UUID id,
        ReporterKind reporterKind,
        @Schema(example = "3f0c9a5e-8c1b-4a57-9d8e-2b7f1f6a0c11") String reporterId,
        InstitutionType institutionType,
        @Schema(example = "450902100") String divisionCode,
        @Schema(example = "2024") String period,
        ReportStatus status,
        @Schema(example = "2") int version,
        @Schema(description = "The report's ETag; pin a review decision to it", example = "3") int revision,
        OffsetDateTime firstSubmittedAt,
        OffsetDateTime updatedAt) {

    public static ReportSummary of(ReportSubmission r) {
        return new ReportSummary(r.id, r.reporterKind, r.reporterId, r.institutionType, r.divisionCode, r.period,
                r.status, r.currentVersion, r.revision, r.firstSubmittedAt, r.updatedAt);
    }
}
