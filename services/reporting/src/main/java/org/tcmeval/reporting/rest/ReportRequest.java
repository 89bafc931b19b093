package org.tcmeval.reporting.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportRequest", description = "The first version of a report: an institution's (give `institutionId`) "
        + "or a county's, city's or province's own report (give `divisionCode`), for one period. "
        + "`GET /api/v1/forms/{kind}` lists the fields each reporter fills in.")
public record ReportRequest(
        @Schema(description = "Institution id from the registry; exactly one of institutionId and divisionCode",
                example = "3f0c9a5e-8c1b-4a57-9d8e-2b7f1f6a0c11")
        UUID institutionId,
        @Schema(description = "GB/T 2260 code of the reporting county (6 digits), city (4) or province (2); exactly one"
                + " of institutionId and divisionCode", example = "450902")
        @Size(max = 6)
        String divisionCode,
        @NotBlank
        @Size(max = 7)
        @Schema(description = "`2024` for the annual report, `2024-Q3` for a quarter", example = "2024")
        String period,
        @NotNull
        @Schema(description = "Reported figures by field name, as the form lists them: whole numbers >= 0, flags 0/1; "
                + "percentages and decimals only on city and province forms. A part may not exceed its whole "
                + "(`tcmPhysicians` <= `physicians`). `techniqueClasses`/`techniqueItems` are derived from `techniqueItems`.",
                example = "{\"physicians\": 8, \"tcmPhysicians\": 2, \"hasTcmClinicArea\": 1}")
        Map<String, BigDecimal> figures,
        @Size(max = 200)
        @Schema(description = "Catalogue codes of the TCM appropriate techniques performed to standard (中医药适宜技术); "
                + "only on forms of institution types with technique indicators")
        List<String> techniqueItems,
        @Schema(description = "true saves a draft: not reviewed, not published, not evaluated; default false submits",
                example = "false")
        Boolean draft) {

    public boolean isDraft() {
        return Boolean.TRUE.equals(draft);
    }
}
