package org.tcmeval.evaluation.rest;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.support.paging.CursorPage;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.ComputationShape;

@Schema(name = "GapList", description = "The units of a division that fall short on one indicator and why, largest"
        + " shortfall first (then by unit id), in pages, with what would close the division's gap.")
public record GapListView(
        @Schema(example = "4503") String divisionCode,
        @Schema(example = "CHSC_THC_TECHNIQUE_CAPACITY") String indicatorCode,
        @Schema(example = "2024") int year,
        @Schema(example = "COMPLIANCE_RATE") ComputationShape shape,
        @Schema(description = "INSTITUTION or COUNTY: what the units are", example = "INSTITUTION") String unitKind,
        @Schema(description = "The division's stored status", example = "NOT_MET") ResultStatus status,
        @Schema(description = "The division's stored value in percent", example = "50") BigDecimal value,
        @Schema(example = "2") BigDecimal numerator,
        @Schema(example = "4") BigDecimal denominator,
        @Schema(description = "The residents the division's stored result read, as on its scorecard: the figure the"
                + " target's division condition tested (Guangxi row 18: more than 300,000 residents), else the summed"
                + " residents of a density or of the medical-community coverage; absent when it reads none",
                example = "650000") BigDecimal population,
        @Schema(description = "Where `population` came from: REPORTED (the division's own report), REGISTRY (the"
                + " registry's residents for the year; the report had none) or MIXED (summed over counties of both"
                + " kinds); absent exactly when `population` is", example = "MIXED",
                enumeration = {"REPORTED", "REGISTRY", "MIXED"}) String populationSource,
        @Schema(example = "AT_LEAST") Comparator comparator,
        @Schema(description = "The target in force for the division", example = "100") BigDecimal threshold,
        @Schema(example = "guangxi-2022") String profileId,
        @Schema(description = "Compliance rates against an AT_LEAST target: the fewest further units meeting the rule"
                + " that bring the stored value to the target, N smallest with (numerator + N) / denominator >= threshold",
                example = "2") Long unitsToClose,
        @Schema(example = "再有 2 家达标即可达到目标 ≥ 100%") String closingZh,
        @Schema(example = "2 more units meeting the rule reach the target (>= 100%)") String closingEn,
        @Schema(description = "Units falling short in all, on every page; `items` holds one page of them", example = "2")
        int total,
        List<Gap> items,
        @Schema(description = "Pass as `cursor` for the next page; absent on the last page") String nextCursor)
        implements CursorPage {

    @Schema(name = "Gap", description = "One unit that falls short, the parts of the rule it misses, and the same as"
            + " sentences")
    public record Gap(
            @Schema(description = "Institution id, or county code", example = "3f2c8a9e-1b7d-4c1e-9a55-0d6f2b8e4a11") String unitId,
            @Schema(example = "阳朔县白沙镇卫生院") String name,
            @Schema(example = "THC") String institutionType,
            @Schema(description = "County the unit counts in", example = "450321") String countyCode,
            @Schema(description = "A county whose ratio is over its residents (the medical-community coverage): the"
                    + " residents its shortfall is computed on; absent for institutions", example = "400000")
            BigDecimal population,
            @Schema(description = "Where the county's `population` came from: REPORTED (its county report) or REGISTRY"
                    + " (the registry's residents for the year; its report had none); absent exactly when `population`"
                    + " is", example = "REGISTRY", enumeration = {"REPORTED", "REGISTRY"}) String populationSource,
            List<Part> shortfalls,
            @Schema(description = "Sum of the shortfalls: the sort key (classes + items, percentage points, 1 per flag)",
                    example = "2") BigDecimal distance,
            @Schema(example = "5 类 9 项：还差 1 类 1 项") String reasonZh,
            @Schema(example = "needs 1 more class and 1 more item") String reasonEn) {
    }

    @Schema(name = "GapPart", description = "One part of the rule missed")
    public record Part(
            @Schema(description = "Report field", example = "techniqueClasses") String field,
            @Schema(description = "The rule part written out", example = "techniqueClasses >= 6") String rule,
            @Schema(example = "6") BigDecimal required,
            @Schema(example = "5") BigDecimal actual,
            @Schema(example = "1") BigDecimal shortfall) {
    }
}
