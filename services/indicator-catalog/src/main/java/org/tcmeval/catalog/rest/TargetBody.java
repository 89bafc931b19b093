package org.tcmeval.catalog.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.Nature;

@Schema(name = "TargetRequest", description = "A target (目标值) a profile sets for one indicator. Thresholds are in the "
        + "indicator's unit, and threshold, upper and baseline lie in the unit's range, else 400 with rule `range`: "
        + "PERCENT 0-100, PER_10K_RESIDENTS 0-10000 and PER_1K_RESIDENTS 0-1000 (at most one per resident), COUNT "
        + "0-10000000 (a province's institutions or beds), HUNDRED_MILLION_YUAN 0-1000000.")
public record TargetBody(
        @Schema(description = "Indicator code; optional where the path names it, else required",
                example = "TCM_GP_DENSITY")
        String indicatorCode,
        @NotNull @Schema(required = true, description = "AT_LEAST 不低于, AT_MOST 不高于, BETWEEN 区间 (inclusive)",
                example = "AT_LEAST")
        Comparator comparator,
        @NotNull @Schema(required = true, description = "Lower bound (AT_LEAST, BETWEEN) or upper bound (AT_MOST)",
                example = "0.8")
        BigDecimal threshold,
        @Schema(description = "Upper bound, BETWEEN only", example = "0.7") BigDecimal upper,
        @Min(2000) @Max(2100) @Schema(description = "Year by whose end it is due; 2025 when absent", example = "2025")
        Integer deadlineYear,
        @Schema(description = "BINDING 约束性 or EXPECTED 预期性; EXPECTED when absent", example = "EXPECTED")
        Nature nature,
        @Schema(description = "Value in baselineYear, when the document gives one", example = "0.26") BigDecimal baseline,
        @Schema(description = "Year of the baseline", example = "2020") Integer baselineYear,
        @Valid @Schema(description = "Which units it applies to; every unit when absent") ConditionBody condition,
        @NotNull @Valid @Schema(required = true) SourceBody source) {
}
