package org.tcmeval.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcmeval.engine.Fixtures.county;
import static org.tcmeval.engine.Fixtures.facts;
import static org.tcmeval.engine.Fixtures.institution;
import static org.tcmeval.targets.InstitutionType.CHSC;
import static org.tcmeval.targets.InstitutionType.CHSS;
import static org.tcmeval.targets.InstitutionType.COUNTY_TCM_HOSPITAL;
import static org.tcmeval.targets.InstitutionType.THC;
import static org.tcmeval.targets.InstitutionType.VILLAGE_CLINIC;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.Target;

/** What one report adds to one indicator, shape by shape. */
class ContributionTest {

    private static final Target NO_TARGET = null;

    @Test
    void aComplianceRateCountsOneUnitMeetingTheRule() {
        // Row 2: a THC with 6 classes and 10 items meets ">= 6 classes and >= 10 items": 1 of 1.
        var c = Engine.contribution(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, NO_TARGET,
                institution(THC, "techniqueClasses", 6, "techniqueItems", 10)).orElseThrow();
        assertThat(c.tally()).isEqualTo(Tally.counted(1, 1));
        assertThat(c.filterKey()).isEqualTo("always");
        assertThat(c.rollsUp()).isTrue();
    }

    @Test
    void aComplianceRateCountsOneUnitMissingTheRuleInTheDenominatorOnly() {
        // 6 classes but 9 items: fails ">= 10 items", so 0 of 1.
        var c = Engine.contribution(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, UnitFilter.NONE,
                institution(CHSC, "techniqueClasses", 6, "techniqueItems", 9)).orElseThrow();
        assertThat(c.tally()).isEqualTo(Tally.counted(0, 1));
    }

    @Test
    void anotherTypeOrReporterIsNotReadAtAll() {
        // Row 2 is about CHSC/THC; a village clinic's report and a county report are not its units.
        assertThat(Engine.contribution(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, UnitFilter.NONE,
                institution(VILLAGE_CLINIC, "techniqueClasses", 6, "techniqueItems", 10))).isEmpty();
        assertThat(Engine.contribution(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, UnitFilter.NONE,
                county("residentPopulation", 300_000))).isEmpty();
    }

    @Test
    void aUnitLackingARuleFactIsUndecidedNotFailing() {
        // Classes reported, items not: ">= 10 items" cannot be told, so the centre is in neither
        // numerator nor denominator, and it is counted as missing facts.
        var c = Engine.contribution(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, UnitFilter.NONE,
                institution(CHSC, "techniqueClasses", 7)).orElseThrow();
        assertThat(c.tally()).isEqualTo(Tally.undecided());
        assertThat(c.tally().units()).isZero();
        assertThat(c.tally().missingFacts()).isEqualTo(1);
    }

    @Test
    void aRuleThatHoldsWithoutTheMissingFactIsMet() {
        // Row 15: "tcmPhysicians >= 1 or tcmCapableClinicalPhysicians >= 1". One TCM physician decides it,
        // whatever the unreported second figure is.
        var met = Engine.contribution(Indicators.CHSS_TCM_PHYSICIAN, UnitFilter.NONE,
                institution(CHSS, "tcmPhysicians", 1)).orElseThrow();
        assertThat(met.tally()).isEqualTo(Tally.counted(1, 1));
        // No TCM physician and the second figure missing: could still hold, so undecided.
        var open = Engine.contribution(Indicators.CHSS_TCM_PHYSICIAN, UnitFilter.NONE,
                institution(CHSS, "tcmPhysicians", 0)).orElseThrow();
        assertThat(open.tally()).isEqualTo(Tally.undecided());
    }

    @Test
    void theIndicatorsOwnFilterExcludesUnitsWithoutAClinicArea() {
        // Row 17 counts 中医馆 only: a CHSC without one is excluded (not applicable, not failing).
        var without = Engine.contribution(Indicators.TCM_CLINIC_AREA_PLATFORM_CONNECTION, NO_TARGET,
                institution(CHSC, "hasTcmClinicArea", 0)).orElseThrow();
        assertThat(without.tally()).isEqualTo(Tally.excludedUnit());
        assertThat(without.filterKey()).isEqualTo("hasTcmClinicArea = 1");
        var with = Engine.contribution(Indicators.TCM_CLINIC_AREA_PLATFORM_CONNECTION, NO_TARGET,
                institution(CHSC, "hasTcmClinicArea", 1, "tcmClinicAreaOnPlatform", 1)).orElseThrow();
        assertThat(with.tally()).isEqualTo(Tally.counted(1, 1));
    }

    @Test
    void anAggregateRatioAddsBothFields() {
        // Row 14: 2 TCM physicians of 8 physicians add 2 and 8.
        var c = Engine.contribution(Indicators.TCM_PHYSICIAN_RATIO, UnitFilter.NONE,
                institution(CHSC, "tcmPhysicians", 2, "physicians", 8)).orElseThrow();
        assertThat(c.tally()).isEqualTo(Tally.counted(2, 8));
        var missing = Engine.contribution(Indicators.TCM_PHYSICIAN_RATIO, UnitFilter.NONE,
                institution(CHSC, "tcmPhysicians", 2)).orElseThrow();
        assertThat(missing.tally()).isEqualTo(Tally.undecided());
    }

    @Test
    void aDensityAddsTheCountAndTheReportedPopulation() {
        // Row 13, county report: 12 TCM GPs, 300,000 residents.
        var c = Engine.contribution(Indicators.TCM_GP_DENSITY, UnitFilter.NONE,
                county("tcmGeneralPractitioners", 12, "residentPopulation", 300_000)).orElseThrow();
        assertThat(c.tally()).isEqualTo(Tally.counted(12, 300_000));
        assertThat(c.tally().registryPopulationUnits()).isZero();
    }

    @Test
    void aDensityFallsBackOnTheRegistryPopulationAndSaysSo() {
        UnitFacts report = county("tcmGeneralPractitioners", 12);
        assertThat(Engine.contribution(Indicators.TCM_GP_DENSITY, UnitFilter.NONE, report).orElseThrow().tally())
                .isEqualTo(Tally.undecided());
        var c = Engine.contribution(Indicators.TCM_GP_DENSITY, UnitFilter.NONE,
                report.withRegistryPopulation(300_000)).orElseThrow();
        assertThat(c.tally().numerator()).isEqualByComparingTo("12");
        assertThat(c.tally().denominator()).isEqualByComparingTo("300000");
        assertThat(c.tally().registryPopulationUnits()).isEqualTo(1);
        // The report's own population wins over the registry's.
        var own = Engine.contribution(Indicators.TCM_GP_DENSITY, UnitFilter.NONE,
                county("tcmGeneralPractitioners", 12, "residentPopulation", 250_000).withRegistryPopulation(300_000))
                .orElseThrow();
        assertThat(own.tally()).isEqualTo(Tally.counted(12, 250_000));
    }

    @Test
    void aRuleCountCountsUnitsAndAFieldCountTakesTheFigure() {
        // IM annex row 8: a THC with a demonstration 中医馆 adds 1 to the count (of 1 unit judged).
        var rule = Engine.contribution(Indicators.DEMONSTRATION_TCM_CLINIC_AREAS, UnitFilter.NONE,
                institution(THC, "demonstrationTcmClinicArea", 1)).orElseThrow();
        assertThat(rule.tally()).isEqualTo(Tally.counted(1, 1));
        // Qinzhou row 1: the city reports 89 TCM institutions; it stays with the city.
        var field = Engine.contribution(Indicators.TCM_INSTITUTIONS, UnitFilter.NONE,
                UnitFacts.jurisdiction(facts("tcmInstitutions", 89))).orElseThrow();
        assertThat(field.tally()).isEqualTo(Tally.counted(89, 0));
        assertThat(field.rollsUp()).isFalse();
    }

    @Test
    void aDirectValueIsTakenAsReportedAndDoesNotRollUp() {
        // Qinzhou row 21: 52.81 (100 million yuan), a decimal, kept exactly.
        var c = Engine.contribution(Indicators.TCM_HEALTH_SERVICE_SCALE, UnitFilter.NONE,
                UnitFacts.jurisdiction(facts("tcmHealthServiceScale", "52.81"))).orElseThrow();
        assertThat(c.tally().numerator()).isEqualByComparingTo("52.81");
        assertThat(c.rollsUp()).isFalse();
    }

    @Test
    void aTargetsInstitutionConditionJoinsTheFilter() {
        // Inner Mongolia row 10: of grade-2+ county TCM hospitals, those with a 康复科. A grade-1A hospital
        // is excluded; an ungraded-in-the-report one (no hospitalGrade fact) is undecided.
        var target = Fixtures.inForce("150102", Indicators.COUNTY_TCM_HOSPITAL_REHAB_DEPT).target();
        UnitFilter filter = Engine.unitFilter(Indicators.COUNTY_TCM_HOSPITAL_REHAB_DEPT, target);
        assertThat(filter.key()).isEqualTo("hospitalGrade >= 2");
        var grade1 = Engine.contribution(Indicators.COUNTY_TCM_HOSPITAL_REHAB_DEPT, filter, UnitFacts.institution(
                COUNTY_TCM_HOSPITAL, facts("hasRehabDept", 1, HospitalGrade.FACT, HospitalGrade.GRADE_1A.rank())));
        assertThat(grade1.orElseThrow().tally()).isEqualTo(Tally.excludedUnit());
        var noGrade = Engine.contribution(Indicators.COUNTY_TCM_HOSPITAL_REHAB_DEPT, filter,
                institution(COUNTY_TCM_HOSPITAL, "hasRehabDept", 1));
        assertThat(noGrade.orElseThrow().tally()).isEqualTo(Tally.undecided());
        assertThat(Tally.counted(BigDecimal.ONE, BigDecimal.ONE)).isEqualTo(Tally.counted(1, 1));
    }
}
