package org.tcmeval.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcmeval.engine.Fixtures.ENGINE;
import static org.tcmeval.engine.Fixtures.facts;
import static org.tcmeval.engine.Fixtures.inForce;
import static org.tcmeval.engine.Fixtures.institution;
import static org.tcmeval.engine.Fixtures.judge;
import static org.tcmeval.engine.Fixtures.sums;
import static org.tcmeval.targets.InstitutionType.CHSC;
import static org.tcmeval.targets.InstitutionType.THC;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;

/**
 * Guangxi row 18's condition ("more than 300,000 residents and a grade-2A+ TCM hospital") on every
 * combination of known and missing county figures: one known part that fails rules the target out,
 * and only what the known parts leave open is said to be unknown, naming the figure to report.
 */
class UnknownApplicabilityTest {

    static final IndicatorDefinition ROW_18 = Indicators.TCM_LED_MEDICAL_COMMUNITY_COVERAGE;
    static final String CONDITION = "residentPopulation > 300000 and tcmHospitalsGrade2aOrAbove >= 1";

    /** 兴宁区 under guangxi-2022, its county report holding {@code figures} and 105,000 residents covered. */
    static Judgement county(Object... figures) {
        Map<String, BigDecimal> report = new java.util.HashMap<>(facts(figures));
        report.put("tcmLedMedicalCommunityPopulation", BigDecimal.valueOf(105_000));
        TargetInForce target = inForce("450102", ROW_18);
        return ENGINE.judge(ROW_18, Optional.of(target), sums(ROW_18, target, UnitFacts.county(report)),
                new DivisionFacts("450102", report), OptionalLong.empty());
    }

    @Test
    void aKnownPopulationBelowTheLineRulesTheTargetOutWithTheGradeFigureMissing() {
        // Issue 8's case: 250,000 is not > 300,000, so the hospital figure cannot make the target bind.
        Judgement j = county("residentPopulation", 250_000);
        assertThat(j.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(j.inapplicability().reason()).isEqualTo(Inapplicability.Reason.DIVISION_CONDITION_NOT_MET);
        assertThat(j.inapplicability().condition()).isEqualTo(CONDITION);
        assertThat(j.inapplicability().actualFigures())
                .containsOnly(Map.entry("residentPopulation", new BigDecimal("250000")));
        assertThat(j.missingDivisionFacts()).isEmpty();
        assertThat(j.population()).isEqualByComparingTo("250000");
        assertThat(j.populationSource()).isEqualTo(Judgement.PopulationSource.REPORTED);
    }

    @Test
    void noGradeTwoAHospitalRulesTheTargetOutWithThePopulationMissing() {
        Judgement j = county("tcmHospitalsGrade2aOrAbove", 0);
        assertThat(j.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(j.inapplicability().actualFigures())
                .containsOnly(Map.entry("tcmHospitalsGrade2aOrAbove", BigDecimal.ZERO));
        assertThat(j.population()).isNull();
    }

    @Test
    void aKnownPopulationAboveTheLineLeavesTheGradeFigureToDecide() {
        // 350,000 > 300,000 holds, the hospital figure is missing: whether the target binds is unknown.
        Judgement j = county("residentPopulation", 350_000);
        assertThat(j.status()).isEqualTo(Status.NO_DATA);
        assertThat(j.status().isVerdict()).isFalse();
        assertThat(j.undecided().condition()).isEqualTo(CONDITION);
        assertThat(j.undecided().missingFigures()).containsExactly("tcmHospitalsGrade2aOrAbove");
        assertThat(j.undecided().actualFigures())
                .containsOnly(Map.entry("residentPopulation", new BigDecimal("350000")));
        // For county units the condition is also the filter of the counties summed, so the county itself is an
        // undecided unit: no value is claimed either.
        assertThat(j.value()).isNull();
        assertThat(j.sums().missingFacts()).isEqualTo(1);
    }

    @Test
    void aHospitalWithThePopulationMissingLeavesThePopulationToDecide() {
        Judgement j = county("tcmHospitalsGrade2aOrAbove", 1);
        assertThat(j.status()).isEqualTo(Status.NO_DATA);
        assertThat(j.missingDivisionFacts()).containsExactly("residentPopulation");
        assertThat(j.undecided().actualFigures())
                .containsOnly(Map.entry("tcmHospitalsGrade2aOrAbove", BigDecimal.ONE));
    }

    @Test
    void bothFiguresMissingNamesBoth() {
        Judgement j = county();
        assertThat(j.status()).isEqualTo(Status.NO_DATA);
        assertThat(j.missingDivisionFacts()).containsExactlyInAnyOrder("residentPopulation", "tcmHospitalsGrade2aOrAbove");
        assertThat(j.undecided().actualFigures()).isEmpty();
    }

    @Test
    void bothKnownGiveAVerdictOrNotApplicable() {
        // 350,000 and one hospital: bound; 105,000 / 350,000 * 100 = 30% >= 30%: MET.
        Judgement bound = county("residentPopulation", 350_000, "tcmHospitalsGrade2aOrAbove", 1);
        assertThat(bound.status()).isEqualTo(Status.MET);
        assertThat(bound.undecided()).isNull();
        assertThat(county("residentPopulation", 350_000, "tcmHospitalsGrade2aOrAbove", 0).status())
                .isEqualTo(Status.NOT_APPLICABLE);
        assertThat(county("residentPopulation", 250_000, "tcmHospitalsGrade2aOrAbove", 1).status())
                .isEqualTo(Status.NOT_APPLICABLE);
        assertThat(county("residentPopulation", 250_000, "tcmHospitalsGrade2aOrAbove", 0).status())
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void theRegistrysResidentsSettleTheConditionLikeReportedOnes() {
        // The report has no figures of its own; the registry says 250,000: not > 300,000, ruled out.
        TargetInForce target = inForce("450102", ROW_18);
        Judgement j = ENGINE.judge(ROW_18, Optional.of(target), Sums.empty(Engine.unitFilter(ROW_18, target.target())),
                new DivisionFacts("450102", Map.of(), 250_000L), OptionalLong.empty());
        assertThat(j.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(j.populationSource()).isEqualTo(Judgement.PopulationSource.REGISTRY);
    }

    @Test
    void aCentreWithTooFewClassesFailsTheRuleWhateverItsItems() {
        // 6 classes and 10 items: the CHSC with 3 classes and no item figure fails (3 < 6); the THC with 6 classes
        // and no item figure is undecided. 0 of 1 decided centres meet it: 0 / 1 * 100 = 0%.
        Judgement j = judge("450102", Indicators.CHSC_THC_TECHNIQUE_CAPACITY,
                institution(CHSC, "techniqueClasses", 3), institution(THC, "techniqueClasses", 6));
        assertThat(j.sums().units()).isEqualTo(1);
        assertThat(j.sums().missingFacts()).isEqualTo(1);
        assertThat(j.value()).isEqualByComparingTo("0");
    }
}
