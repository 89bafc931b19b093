package org.tcmeval.reporting.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.reporting.ReportStatus;
import org.tcmeval.reporting.ReporterKind;
import org.tcmeval.targets.InstitutionType;

@Schema(name = "Report", description = "A report with the figures of its current version. The ETag header is the "
        + "report's revision, which grows with every version and every review decision.")
public record ReportView(
        @Schema(example = "8d1f2c3a-4b5e-4f60-9a7b-1c2d3e4f5a6b") UUID id,
        ReporterKind reporterKind,
        @Schema(description = "Institution id, or the reporting division's code", example = "3f0c9a5e-8c1b-4a57-9d8e-2b7f1f6a0c11")
        String reporterId,
        UUID institutionId,
        InstitutionType institutionType,
        @Schema(example = "450902100") String divisionCode,
        @Schema(example = "2024") String period,
        @Schema(description = "Current version; corrections add versions, none is ever overwritten", example = "1")
        int version,
        @Schema(description = "Grows with every version and decision; equals the ETag", example = "1")
        int revision,
        ReportStatus status,
        @Schema(example = "{\"physicians\": 8, \"tcmPhysicians\": 2}") Map<String, BigDecimal> figures,
        @Schema(description = "Catalogue codes of the techniques performed to standard; their distinct classes and "
                + "items are figures.techniqueClasses and figures.techniqueItems")
        List<String> techniqueItems,
        @Schema(description = "Token subject of who submitted this version") String submittedBy,
        OffsetDateTime submittedAt) {
}
