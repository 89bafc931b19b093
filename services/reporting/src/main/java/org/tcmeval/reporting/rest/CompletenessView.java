package org.tcmeval.reporting.rest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.reporting.Completeness;

@Schema(name = "Completeness", description = "Who was expected to report for a period and who did (填报完整性): operating "
        + "institutions of the types some indicator reads, per child division (township under a county, county under a "
        + "city, city under a province). `late` counts reports submitted after the window closed and, once it has "
        + "closed, the ones still missing.")
public record CompletenessView(
        @Schema(example = "450902") String divisionCode,
        @Schema(example = "2024") String period,
        @Schema(example = "2025-01-01") LocalDate windowOpensOn,
        @Schema(example = "2025-03-31") LocalDate windowClosesOn,
        Completeness total,
        @Schema(description = "Share of expected reporters that submitted, percent, 1 decimal; absent when none expected",
                example = "93.5")
        Double receivedPercent,
        List<Completeness> children) {
}
