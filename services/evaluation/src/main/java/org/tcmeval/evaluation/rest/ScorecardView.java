package org.tcmeval.evaluation.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.evaluation.Scoring;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.Unit;

@Schema(name = "Scorecard", description = "Every indicator of a division for a year, judged against the targets in force there.")
public record ScorecardView(
        @Schema(example = "450902") String divisionCode,
        @Schema(description = "PROVINCE, CITY or COUNTY", example = "COUNTY") String scope,
        @Schema(example = "2024") int year,
        List<Entry> indicators) {

    @Schema(name = "ScorecardEntry", description = "One indicator's value and judgement.")
    public record Entry(
            @Schema(example = "TCM_PHYSICIAN_RATIO") String indicatorCode,
            @Schema(example = "社区卫生服务中心、乡镇卫生院中医类别医师占同类机构医师总数比例") String nameZh,
            @Schema(example = "TCM-category physicians as a share of all physicians in CHSC/THC") String nameEn,
            @Schema(example = "PERCENT") Unit unit,
            @Schema(description = "Computed value in the unit; absent with NO_DATA", example = "18.75") BigDecimal value,
            @Schema(description = "Sum of numerators across the division's institutions", example = "3") BigDecimal numerator,
            @Schema(description = "Sum of denominators", example = "16") BigDecimal denominator,
            @Schema(example = "AT_LEAST") Comparator comparator,
            @Schema(example = "25") BigDecimal threshold,
            @Schema(description = "Upper bound of a BETWEEN target") BigDecimal upper,
            @Schema(description = "MET, NOT_MET, NO_DATA (nothing reported yet) or NO_TARGET", example = "NOT_MET")
            Scoring.Status status,
            @Schema(description = "Target profile the threshold comes from", example = "guangxi-2022") String profileId,
            @Schema(description = "Grows with every change of this result; matches target-evaluated's sequence", example = "2")
            long sequence,
            OffsetDateTime updatedAt) {
    }
}
