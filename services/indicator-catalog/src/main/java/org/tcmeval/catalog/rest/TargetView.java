package org.tcmeval.catalog.rest;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.Nature;
import org.tcmeval.targets.Unit;

@Schema(name = "Target", description = "A target a profile sets for one indicator.")
public record TargetView(
        @Schema(example = "TCM_GP_DENSITY") String indicatorCode,
        @Schema(example = "每万常住居民合格的中医类别全科医生数") String indicatorNameZh,
        @Schema(example = "PER_10K_RESIDENTS") Unit unit,
        @Schema(example = "AT_LEAST") Comparator comparator,
        @Schema(example = "0.8") BigDecimal threshold,
        @Schema(description = "Upper bound of BETWEEN") BigDecimal upper,
        @Schema(example = "2025") int deadlineYear,
        @Schema(example = "EXPECTED") Nature nature,
        @Schema(description = "Value in baselineYear, if the document gives one") BigDecimal baseline,
        Integer baselineYear,
        @Schema(description = "Which units it applies to; absent means every unit") ConditionBody condition,
        @Schema(description = "The condition written out", example = "always") String conditionText,
        SourceBody source) {
}
