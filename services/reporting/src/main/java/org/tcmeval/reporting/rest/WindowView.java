package org.tcmeval.reporting.rest;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportingWindow", description = "The days (inclusive, Asia/Shanghai) on which a province's reports "
        + "of a period may be submitted.")
public record WindowView(
        @Schema(example = "45") String provinceCode,
        @Schema(example = "2025") String period,
        @Schema(example = "2026-01-01") LocalDate opensOn,
        @Schema(example = "2026-03-31") LocalDate closesOn,
        @Schema(description = "No admin has set it: the period's default (a year: 3 months after it ends; a quarter: 1 month)")
        boolean byDefault,
        @Schema(description = "Equals the ETag; 0 for a default window", example = "1") int revision) {
}
