package org.tcmeval.catalog.rest;

import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.targets.Category;
import org.tcmeval.targets.ComputationShape;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.Reporter;
import org.tcmeval.targets.Unit;

@Schema(name = "Indicator", description = "An evaluation indicator and how it is computed.")
public record IndicatorView(
        @Schema(example = "TCM_PHYSICIAN_RATIO") String code,
        @Schema(example = "社区卫生服务中心、乡镇卫生院中医类别医师占同类机构医师总数比例") String nameZh,
        @Schema(example = "TCM-category physicians as a share of all physicians in CHSC/THC") String nameEn,
        @Schema(description = "The source table's group", example = "WORKFORCE") Category category,
        @Schema(example = "基层中医药人才队伍建设") String categoryNameZh,
        @Schema(description = "How the value is computed", example = "AGGREGATE_RATIO") ComputationShape shape,
        @Schema(example = "PERCENT") Unit unit,
        @Schema(example = "%") String unitNameZh,
        @Schema(description = "Who reports the figures it reads", example = "INSTITUTION") Reporter reporter,
        @Schema(description = "Institution types whose reports feed it", example = "[\"CHSC\", \"THC\"]")
        Set<InstitutionType> applicableTypes,
        @Schema(description = "Report field summed as numerator", example = "tcmPhysicians") String numeratorField,
        @Schema(description = "Report field summed as denominator", example = "physicians") String denominatorField,
        @Schema(description = "What one unit must meet (compliance rates, counts)", example = "hasTcmCorner = 1")
        String perUnitRule,
        @Schema(description = "Which units count at all", example = "hasTcmClinicArea = 1") String unitFilter,
        @Schema(description = "Residents per unit of a density", example = "10000") Integer populationScale) {
}
