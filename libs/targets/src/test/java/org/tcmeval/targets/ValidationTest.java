package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mistakes in transcription fail when the data is built, with a message naming the field. */
class ValidationTest {

    static final Source SRC = new Source("test", "row 1");

    @Test
    void aRateAboveOneHundredPercentIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Target.atLeast(Indicators.TCM_PHYSICIAN_RATIO, "130", SRC))
                .withMessageContaining("TCM_PHYSICIAN_RATIO")
                .withMessageContaining("threshold")
                .withMessageContaining("130")
                .withMessageContaining("PERCENT");
    }

    @Test
    void aNegativeDensityIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Target.atLeast(Indicators.TCM_GP_DENSITY, "-0.1", SRC))
                .withMessageContaining("threshold");
    }

    @Test
    void aCountAboveOneHundredIsFine() {
        // Only percentages are capped: 150 demonstration clinic areas is a count.
        assertThat(Target.atLeast(Indicators.DEMONSTRATION_TCM_CLINIC_AREAS, "150", SRC).threshold())
                .isEqualByComparingTo("150");
    }

    @Test
    void everyUnitBoundsThresholdsAndBaselines() {
        // Each unit's largest value is accepted and one more is not: 100 %, 10,000 per 10,000 residents
        // (one per resident), 1,000 per 1,000, a province's 10,000,000 institutions or beds (the bound of
        // ReportField's jurisdiction counts), 1,000,000 亿元 (the bound of the reported amounts).
        List<Object[]> cases = List.of(
                new Object[] {Indicators.TCM_PHYSICIAN_RATIO, "100", "100.01"},
                new Object[] {Indicators.TCM_GP_DENSITY, "10000", "10000.1"},
                new Object[] {Indicators.TCM_PHYSICIANS_PER_1K, "1000", "1000.1"},
                new Object[] {Indicators.DEMONSTRATION_TCM_CLINIC_AREAS, "10000000", "10000001"},
                new Object[] {Indicators.TCM_HEALTH_SERVICE_SCALE, "1000000", "1000000.5"});
        for (Object[] c : cases) {
            IndicatorDefinition indicator = (IndicatorDefinition) c[0];
            assertThat(Target.atLeast(indicator, (String) c[1], SRC).threshold()).isEqualByComparingTo((String) c[1]);
            assertThatIllegalArgumentException().as(indicator.code())
                    .isThrownBy(() -> Target.atLeast(indicator, (String) c[2], SRC))
                    .withMessage(indicator.code() + ": threshold: " + c[2] + " is outside the range [0, " + c[1]
                            + "] of unit " + indicator.unit());
        }
        // 1e400 (the input of issue 11) is refused, not stored.
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Target.atLeast(Indicators.TCM_HEALTH_SERVICE_SCALE, "1e400", SRC))
                .withMessageContaining("is outside the range [0, 1000000] of unit HUNDRED_MILLION_YUAN");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Target(Indicators.TCM_GP_DENSITY.code(), Comparator.AT_LEAST, BigDecimal.ONE, null,
                        2025, Nature.EXPECTED, new BigDecimal("20000"), 2020, null, SRC))
                .withMessageContaining("baseline: 20000 is outside the range [0, 10000]");
    }

    @Test
    void betweenWithLowerAboveUpperIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Target.between(Indicators.TCM_GP_DENSITY, "0.7", "0.4", SRC))
                .withMessageContaining("TCM_GP_DENSITY")
                .withMessageContaining("threshold")
                .withMessageContaining("0.7")
                .withMessageContaining("0.4");
    }

    @Test
    void betweenNeedsAnUpperBoundInRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Target("TCM_GP_DENSITY", Comparator.BETWEEN, new BigDecimal("0.4"), null, 2025,
                        Nature.EXPECTED, null, null, null, SRC))
                .withMessageContaining("upper");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Target.between(Indicators.TCM_PHYSICIAN_RATIO, "25", "120", SRC))
                .withMessageContaining("upper")
                .withMessageContaining("120");
    }

    @Test
    void onlyBetweenHasAnUpperBound() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Target("TCM_PHYSICIAN_RATIO", Comparator.AT_LEAST, new BigDecimal("25"),
                        new BigDecimal("30"), 2025, Nature.EXPECTED, null, null, null, SRC))
                .withMessageContaining("upper");
    }

    @Test
    void baselineIsCheckedLikeTheThreshold() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Target.atLeast(Indicators.TCM_PHYSICIAN_RATIO, "25", SRC).withBaseline(2020, "101"))
                .withMessageContaining("baseline");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Target.atLeast(Indicators.TCM_PHYSICIAN_RATIO, "25", SRC).withBaseline(2026, "20"))
                .withMessageContaining("baselineYear");
    }

    @Test
    void anUnknownIndicatorCodeCannotEnterAProfile() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TargetProfile("test", "45", null, List.of(new Target("NO_SUCH_INDICATOR",
                        Comparator.AT_LEAST, BigDecimal.ONE, null, 2025, Nature.EXPECTED, null, null, null, SRC))))
                .withMessageContaining("indicatorCode")
                .withMessageContaining("NO_SUCH_INDICATOR");
    }

    @Test
    void aProfileSetsAnIndicatorOnce() {
        var t = Target.atLeast(Indicators.TCM_PHYSICIAN_RATIO, "25", SRC);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TargetProfile("test", "45", null, List.of(t, t.withDeadlineYear(2024))))
                .withMessageContaining("TCM_PHYSICIAN_RATIO")
                .withMessageContaining("twice");
    }

    @Test
    void aProfileNeedsAGbT2260DivisionCode() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TargetProfile("test", "450", null, List.of()))
                .withMessageContaining("divisionCode");
    }

    @Test
    void aCycleInParentsIsDetected() {
        var a = new TargetProfile("a", "45", "b", List.of());
        var b = new TargetProfile("b", "4509", "a", List.of());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TargetResolver(List.of(a, b)))
                .withMessageContaining("cycle")
                .withMessageContaining("a -> b -> a");
    }

    @Test
    void aProfileCannotBeItsOwnParent() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TargetProfile("a", "45", "a", List.of()))
                .withMessageContaining("parentId");
    }

    @Test
    void anUnknownParentIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TargetResolver(List.of(new TargetProfile("a", "45", "ghost", List.of()))))
                .withMessageContaining("parentId")
                .withMessageContaining("ghost");
    }

    @Test
    void aParentMustContainItsChildsDivision() {
        var im = new TargetProfile("im", "15", null, List.of());
        var yulin = new TargetProfile("yulin", "4509", "im", List.of());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TargetResolver(List.of(im, yulin)))
                .withMessageContaining("does not contain division 4509");
    }

    @Test
    void twoProfilesCannotClaimOneDivision() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TargetResolver(List.of(new TargetProfile("a", "45", null, List.of()),
                        new TargetProfile("b", "45", null, List.of()))))
                .withMessageContaining("divisionCode");
    }

    @Test
    void indicatorDefinitionsAreCheckedPerShape() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IndicatorDefinition.aggregateRatio("X_RATIO", "甲", "x", Category.WORKFORCE,
                        Reporter.INSTITUTION, Set.of(InstitutionType.CHSC), "tcmPhysicians", null))
                .withMessageContaining("denominatorField");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IndicatorDefinition("X_DENSITY", "甲", "x", Category.WORKFORCE,
                        ComputationShape.PER_POPULATION_DENSITY, Unit.PER_10K_RESIDENTS, Reporter.COUNTY, Set.of(),
                        "tcmGeneralPractitioners", "residentPopulation", null, null, 1_000))
                .withMessageContaining("populationScale");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IndicatorDefinition.complianceRate("X_RATE", "甲", "x", Category.WORKFORCE,
                        Set.of(InstitutionType.CHSC), Condition.NONE))
                .withMessageContaining("perUnitRule");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IndicatorDefinition.complianceRate("x-rate", "甲", "x", Category.WORKFORCE,
                        Set.of(InstitutionType.CHSC), Condition.flag("hasTcmCorner")))
                .withMessageContaining("code");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IndicatorDefinition.complianceRate("X_RATE", "甲", "x", Category.WORKFORCE,
                        Set.of(), Condition.flag("hasTcmCorner")))
                .withMessageContaining("applicableTypes");
    }

    @Test
    void conditionsRejectNonsense() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Condition.shareAtLeast("tcmPhysicians", "physicians", "125"))
                .withMessageContaining("percent");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Condition.gradeBetween(HospitalGrade.GRADE_3, HospitalGrade.GRADE_2A))
                .withMessageContaining("max");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Condition.atLeast("Tcm Physicians", 1))
                .withMessageContaining("field");
    }

    @Test
    void aSourceNamesDocumentAndLocation() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Source("doc", " "))
                .withMessageContaining("location");
    }
}
