package org.tcmeval.evaluation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.evaluation.trend.Outlook;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.Nature;
import org.tcmeval.targets.Unit;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "IndicatorSeries", description = "One indicator of one division year by year (时间序列): the plan's"
        + " baseline, each year's stored result, and a linear projection to the target's deadline year, labelled as a"
        + " projection. Read from stored results only; nothing is judged again.")
public record SeriesView(
        @Schema(example = "450721") String divisionCode,
        @Schema(example = "ELDERLY_TCM_HEALTH_MANAGEMENT_RATE") String indicatorCode,
        @Schema(example = "65岁以上老年人中医药健康管理率") String nameZh,
        @Schema(example = "TCM health-management rate of residents aged 65+") String nameEn,
        @Schema(description = "Unit of every value", example = "PERCENT") Unit unit,
        @Schema(example = "2021") int from,
        @Schema(example = "2025") int to,
        @Schema(description = "The target in force for the division in `to`; absent when none is") Target target,
        @Schema(description = "The plan's own starting value (基线), when the plan document gives one") Baseline baseline,
        @Schema(description = "One entry per year from `from` to `to`, oldest first") List<Year> years,
        Projection projection) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SeriesTarget", description = "The target the projection is judged against")
    public record Target(
            @Schema(example = "qinzhou-2023") String profileId,
            @Schema(description = "The division of the profile that sets the target", example = "4507")
            String profileDivisionCode,
            @Schema(example = "AT_LEAST") Comparator comparator,
            @Schema(description = "Lower bound for AT_LEAST and BETWEEN, upper bound for AT_MOST", example = "75")
            BigDecimal threshold,
            @Schema(description = "Upper bound of BETWEEN") BigDecimal upper,
            @Schema(description = "Year by whose end the target is due", example = "2025") int deadlineYear,
            @Schema(description = "BINDING (约束性) or EXPECTED (预期性)", example = "EXPECTED") Nature nature,
            @Schema(example = "qinzhou-tcm-development-plan-2023") String sourceDocument,
            @Schema(example = "专栏1 主要发展指标 第20项") String sourceLocation) {
    }

    @Schema(name = "SeriesBaseline", description = "The value the plan document gives for its baseline year. It is the"
            + " value of the profile's division: for one of its counties it is context, not the county's own value")
    public record Baseline(
            @Schema(example = "2020") int year,
            @Schema(example = "71.82") BigDecimal value,
            @Schema(description = "The division the baseline describes", example = "4507") String divisionCode,
            @Schema(description = "Whether it describes the division asked for", example = "false") boolean ofThisDivision) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SeriesYear", description = "A year's stored result; NOT_COMPUTED with reason NOT_STORED when nothing"
            + " is stored for the year")
    public record Year(
            @Schema(example = "2022") int year,
            @Schema(example = "NOT_MET") ResultStatus status,
            @Schema(example = "71.2") BigDecimal value,
            @Schema(example = "712") BigDecimal numerator,
            @Schema(example = "1000") BigDecimal denominator,
            @Schema(description = "The residents the year's result read, as on that year's scorecard: the figure the"
                    + " target's division condition tested (Guangxi row 18: more than 300,000 residents), else the"
                    + " summed residents of a density (TCM GPs per 10,000) or of the medical-community coverage; absent"
                    + " when the result reads none", example = "1250000") BigDecimal population,
            @Schema(description = "Where `population` came from: REPORTED (the division's own report), REGISTRY (the"
                    + " registry's residents for the year; the report had none) or MIXED (summed over counties of both"
                    + " kinds); absent exactly when `population` is. A change of source between years (a county that"
                    + " stopped reporting its residents) is a change in the denominator, not in the service",
                    example = "REPORTED", enumeration = {"REPORTED", "REGISTRY", "MIXED"}) String populationSource,
            @Schema(description = "The target the year was judged against", example = "AT_LEAST") Comparator comparator,
            @Schema(example = "75") BigDecimal threshold,
            @Schema(description = "Upper bound of a BETWEEN target") BigDecimal upper,
            @Schema(example = "qinzhou-2023") String profileId,
            @Schema(description = "Units decided / expected in percent", example = "100") BigDecimal completeness,
            @Schema(example = "1") Long unitsDecided,
            @Schema(example = "1") Long unitsExpected,
            @Schema(description = "Why there is no verdict, as on the scorecard") String reason,
            @Schema(description = "As the year's scorecard's `pending`: committed transactions whose contributions to"
                    + " this city's or province's sums for the year are not folded in yet (folded within about a"
                    + " second). Always 0 for a county", example = "0") long pending,
            @Schema(description = "Whether the value feeds the projection: a value is used unless the status is"
                    + " INCOMPLETE (too few units decided to be the division's value) or there is none",
                    example = "true") boolean inProjection) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SeriesProjection", description = "A PROJECTION, not a result: the least-squares line through the"
            + " years with `inProjection`, evaluated at the target's deadline year and judged with the target's"
            + " comparator on the exact projected value (the shown value is rounded to 4 places). NOT_PROJECTED with"
            + " `notProjectedBecause`: NO_TARGET, TARGET_OF_ANOTHER_DIVISION (a count or reported value set for the"
            + " profile's division as a whole), FEWER_THAN_TWO_VALUES, DEADLINE_NOT_AFTER_DATA (the deadline year is"
            + " already reported: read its result)")
    public record Projection(
            @Schema(description = "Always PROJECTION: an estimate, never a stored result", example = "PROJECTION")
            String kind,
            @Schema(example = "LEAST_SQUARES_LINEAR") String method,
            @Schema(example = "OFF_TRACK") Outlook.Verdict verdict,
            @Schema(example = "FEWER_THAN_TWO_VALUES") Outlook.Why notProjectedBecause,
            @Schema(description = "The deadline year projected to", example = "2025") Integer year,
            @Schema(description = "The projected value, rounded half up to 4 places", example = "74.21") BigDecimal value,
            @Schema(example = "0.14") BigDecimal slopePerYear,
            @Schema(description = "Years the line is fitted on", example = "4") Integer points,
            @Schema(example = "2021") Integer firstYear,
            @Schema(example = "2024") Integer lastYear,
            @Schema(example = "按 2021–2024 年 4 个数据线性外推（预测值，非实际结果）：2025 年约 74.21，目标 ≥ 75，按此趋势难以达标")
            String zh,
            @Schema(example = "linear projection over 4 values (2021–2024; an estimate, not a result): about 74.21 in"
                    + " 2025 against >= 75, off track") String en) {
    }
}
