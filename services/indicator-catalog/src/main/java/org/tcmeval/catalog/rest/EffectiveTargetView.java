package org.tcmeval.catalog.rest;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.targets.Category;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.ComputationShape;
import org.tcmeval.targets.Nature;
import org.tcmeval.targets.Unit;

@Schema(name = "EffectiveTarget", description = "A target in force, with its indicator and its provenance.")
public record EffectiveTargetView(
        @Schema(example = "TCM_LED_MEDICAL_COMMUNITY_COVERAGE") String indicatorCode,
        @Schema(example = "中医医院牵头的医共体覆盖人口占县域常住人口比例") String indicatorNameZh,
        @Schema(example = "MEDICAL_COMMUNITY") Category category,
        @Schema(example = "AGGREGATE_RATIO") ComputationShape shape,
        @Schema(example = "PERCENT") Unit unit,
        @Schema(description = "What one unit must meet, for compliance rates and counts",
                example = "tcmPhysicians >= 25% of physicians")
        String rule,
        @Schema(example = "AT_LEAST") Comparator comparator,
        @Schema(example = "30") BigDecimal threshold,
        BigDecimal upper,
        @Schema(example = "2025") int deadlineYear,
        @Schema(example = "EXPECTED") Nature nature,
        BigDecimal baseline,
        Integer baselineYear,
        ConditionBody condition,
        @Schema(example = "tcmHospitalsGrade2aOrAbove >= 1") String conditionText,
        SourceBody source,
        ProvenanceView provenance) {
}
