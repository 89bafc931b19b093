package org.tcmeval.evaluation.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.Unit;

@Schema(name = "Scorecard", description = "Every indicator of a division for a year, judged against the targets in force there.")
public record ScorecardView(
        @Schema(example = "450902") String divisionCode,
        @Schema(description = "PROVINCE, CITY or COUNTY", example = "COUNTY") String scope,
        @Schema(example = "2024") int year,
        @Schema(description = "The profile asked for with `profile`: every cell is judged against it (and the profiles"
                + " it inherits from) instead of the profile in force for the division, computed on reading; absent"
                + " when the scorecard shows the stored results under the profiles in force", example = "guangxi-2022")
        String chosenProfile,
        @Schema(description = "Committed transactions (polls of reports, re-judgings) whose contributions to this city's or"
                + " province's sums are not folded in yet: the stored results, and a chosen profile's judgement of the"
                + " stored sums, count every report committed before those; they are folded within about a second."
                + " Always 0 for a county, whose sums every report updates as it commits", example = "0")
        long pending,
        List<Entry> indicators) {

    @Schema(name = "ScorecardEntry", description = "One indicator's value and judgement, with the target in force even without a value.")
    public record Entry(
            @Schema(example = "TCM_PHYSICIAN_RATIO") String indicatorCode,
            @Schema(example = "社区卫生服务中心、乡镇卫生院中医类别医师占同类机构医师总数比例") String nameZh,
            @Schema(example = "TCM-category physicians as a share of all physicians in CHSC/THC") String nameEn,
            @Schema(example = "PERCENT") Unit unit,
            @Schema(description = "Computed value in the unit, unrounded; absent when there is none", example = "18.75") BigDecimal value,
            @Schema(description = "Sum of numerators across the division's counting reports", example = "3") BigDecimal numerator,
            @Schema(description = "Sum of denominators", example = "16") BigDecimal denominator,
            @Schema(example = "AT_LEAST") Comparator comparator,
            @Schema(example = "25") BigDecimal threshold,
            @Schema(description = "Upper bound of a BETWEEN target") BigDecimal upper,
            @Schema(description = "MET, NOT_MET; NOT_APPLICABLE (the target does not bind here, see reason and condition);"
                    + " NO_DATA (binds or may bind, nothing counting decides it yet; with reason MISSING_DIVISION_FIGURES"
                    + " whether it binds is unknown until the named figures are reported, see condition); INCOMPLETE (a value, but fewer units than the"
                    + " configured minimum share have counting reports); NO_TARGET; NOT_COMPUTED (evaluation cannot"
                    + " compute the indicator, see reason)", example = "NOT_MET")
            ResultStatus status,
            @Schema(description = "Target profile the target comes from", example = "guangxi-2022") String profileId,
            @Schema(description = "Units decided / units expected in percent; absent when none is expected", example = "100")
            BigDecimal completeness,
            @Schema(description = "Units whose counting report decided them", example = "2") long unitsDecided,
            @Schema(description = "Units that should have reported: operating institutions of the applicable types"
                    + " (registry), the county itself for county figures", example = "2") long unitsExpected,
            @Schema(description = "Why there is no verdict: DIVISION_CONDITION_NOT_MET, NO_UNIT_UNDER_CONDITION,"
                    + " JUDGED_AT_PROFILE_DIVISION, MISSING_DIVISION_FIGURES: ..., NOT_COLLECTED: ...")
            String reason,
            @Schema(description = "With NOT_APPLICABLE: the condition the division fails (one known part failing is"
                    + " enough: 250,000 residents fail the example whatever the hospital figure), or the division the"
                    + " target is judged at. With NO_DATA and reason MISSING_DIVISION_FIGURES: the condition that cannot"
                    + " be decided until the missing figures are reported",
                    example = "residentPopulation > 300000 and tcmHospitalsGrade2aOrAbove >= 1")
            String condition,
            @Schema(description = "With NOT_APPLICABLE, or NO_DATA for missing division figures: the division's figures"
                    + " it has for the fields the condition reads (a missing one is named in `reason`); its"
                    + " residentPopulation is the registry's when its report has none (see populationSource)",
                    example = "{\"residentPopulation\": 250000, \"tcmHospitalsGrade2aOrAbove\": 1}")
            Map<String, BigDecimal> actualFigures,
            @Schema(description = "The residents the result read: the figure the target's division condition tested"
                    + " (Guangxi row 18: more than 300,000 residents), else the summed residents of a density or of the"
                    + " medical-community coverage; absent when the result reads no population", example = "250000")
            BigDecimal population,
            @Schema(description = "Where `population` came from: REPORTED (the division's own report), REGISTRY (the"
                    + " registry's residents of the division for the year; the report had none) or MIXED (a sum over"
                    + " units of both kinds); absent exactly when `population` is", example = "REGISTRY",
                    enumeration = {"REPORTED", "REGISTRY", "MIXED"})
            String populationSource,
            @Schema(description = "Grows with every change of this result; matches target-evaluated's sequence; 0 when"
                    + " the result was never recorded (judged on reading)", example = "2")
            long sequence,
            OffsetDateTime updatedAt) {
    }
}
