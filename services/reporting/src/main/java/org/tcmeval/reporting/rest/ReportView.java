package org.tcmeval.reporting.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.reporting.ReportStatus;

@Schema(name = "Report", description = "A report with the figures of its current version.")
public record ReportView(
        @Schema(example = "8d1f2c3a-4b5e-4f60-9a7b-1c2d3e4f5a6b") UUID id,
        UUID institutionId,
        @Schema(example = "450902100") String divisionCode,
        @Schema(example = "2024") String period,
        @Schema(description = "Current version; corrections add versions, none is ever overwritten", example = "1")
        int version,
        ReportStatus status,
        @Schema(example = "{\"physicians\": 8, \"tcmPhysicians\": 2}") Map<String, BigDecimal> figures,
        @Schema(description = "Token subject of who submitted this version") String submittedBy,
        OffsetDateTime submittedAt) {
}
