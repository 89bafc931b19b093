package org.tcmeval.evaluation.rest;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.support.paging.CursorPage;
import org.tcmeval.targets.Comparator;

@Schema(name = "ChildResults", description = "One indicator of a division broken down one level: a province's cities, a"
        + " city's counties, or a county's institutions with what each adds to the county's sums. Read from the stored"
        + " results and contributions; nothing is recomputed.")
public record ChildrenView(
        @Schema(example = "4503") String divisionCode,
        @Schema(example = "CHSC_THC_TECHNIQUE_CAPACITY") String indicatorCode,
        @Schema(example = "能够规范开展6类10项以上中医药适宜技术的社区卫生服务中心、乡镇卫生院比例") String nameZh,
        @Schema(example = "CHSC/THC performing >= 6 classes and >= 10 items of TCM techniques") String nameEn,
        @Schema(example = "2024") int year,
        @Schema(description = "CITY, COUNTY or INSTITUTION: what the items are", example = "COUNTY") String childKind,
        @Schema(description = "The division's own stored result, the sum of its children") Child division,
        @Schema(description = "Committed transactions (polls of reports, re-judgings) whose contributions to this"
                + " division's sums, or to the sums of a city below it, are not folded in yet: the stored rows count"
                + " every report committed before those, and are folded within about a second. Always 0 for a"
                + " county, whose sums every report updates as it commits", example = "0") long pending,
        List<Child> items,
        @Schema(description = "Pass as `cursor` for the next page of a county's institutions; absent on the last page"
                + " (cities and counties always come in one page)") String nextCursor) implements CursorPage {

    @Schema(name = "ChildResult", description = "A city or county with its stored result, or an institution with its"
            + " contribution. Target fields are the division's target for a division row, and the county's target an"
            + " institution is counted under for an institution row.")
    public record Child(
            @Schema(description = "Division code, or institution id", example = "450321") String code,
            @Schema(description = "Name from the registry, where known", example = "阳朔县") String name,
            @Schema(description = "Institution type (institution rows only)", example = "THC") String institutionType,
            @Schema(description = "Division rows: the stored status; NOT_COMPUTED when no result is stored for the"
                    + " division yet (it is known from the registry or its reports). Absent on institution rows",
                    example = "NOT_MET") ResultStatus status,
            @Schema(description = "Institution rows: COUNTED (in numerator and denominator), EXCLUDED (reported, outside"
                    + " the indicator's unit filter), UNDECIDED (reported, lacks a figure the rule needs), NOT_REPORTED"
                    + " (no counting report)", example = "COUNTED") String unitState,
            @Schema(description = "Percent for rates and ratios (an institution's own share); absent when there is none",
                    example = "33.3333") BigDecimal value,
            @Schema(description = "Units meeting the rule, or the summed numerator field", example = "1") BigDecimal numerator,
            @Schema(description = "Units judged, or the summed denominator field", example = "3") BigDecimal denominator,
            @Schema(description = "Institution rows of compliance rates: whether the institution meets the per-unit rule",
                    example = "false") Boolean meetsRule,
            @Schema(example = "AT_LEAST") Comparator comparator,
            @Schema(example = "100") BigDecimal threshold,
            @Schema(description = "Upper bound of a BETWEEN target") BigDecimal upper,
            @Schema(example = "guangxi-2022") String profileId,
            @Schema(description = "Division rows: units decided / expected in percent", example = "100") BigDecimal completeness,
            @Schema(description = "Why a division row has no verdict, as on the scorecard; NOT_STORED when nothing is"
                    + " stored for it yet") String reason,
            @Schema(description = "Division rows: the residents the stored result read (a density's or coverage's summed"
                    + " residents, or the figure a residents condition tested), as on the scorecard; absent when it reads"
                    + " none, and on institution rows", example = "812000") BigDecimal population,
            @Schema(description = "Where `population` came from: REPORTED, REGISTRY or MIXED, as on the scorecard",
                    example = "MIXED", enumeration = {"REPORTED", "REGISTRY", "MIXED"}) String populationSource) {
    }
}
