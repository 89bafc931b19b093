package org.tcmeval.reporting.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportRequest", description = "A report of one institution for one period.")
public record ReportRequest(
        @NotNull
        @Schema(description = "Institution id from the registry", example = "3f0c9a5e-8c1b-4a57-9d8e-2b7f1f6a0c11")
        UUID institutionId,
        @NotBlank
        @Schema(description = "`2024` for the annual report, `2024-Q3` for a quarter", example = "2024")
        String period,
        @NotEmpty
        @Schema(description = "Reported figures by field name; whole numbers >= 0. Known fields: "
                + "`physicians` (医师总数), `tcmPhysicians` (中医类别医师数, at most `physicians`).",
                example = "{\"physicians\": 8, \"tcmPhysicians\": 2}")
        Map<String, BigDecimal> figures) {
}
