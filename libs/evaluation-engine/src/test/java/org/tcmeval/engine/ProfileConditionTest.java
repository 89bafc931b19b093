package org.tcmeval.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.tcmeval.engine.Fixtures.ENGINE;
import static org.tcmeval.engine.Fixtures.facts;
import static org.tcmeval.engine.Fixtures.inForce;
import static org.tcmeval.engine.Fixtures.institution;
import static org.tcmeval.engine.Fixtures.judge;
import static org.tcmeval.engine.Fixtures.sums;
import static org.tcmeval.targets.InstitutionType.CHSC;
import static org.tcmeval.targets.InstitutionType.COUNTY_MCH_HOSPITAL;
import static org.tcmeval.targets.InstitutionType.COUNTY_TCM_HOSPITAL;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.tcmeval.targets.Condition;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.Source;
import org.tcmeval.targets.Target;

/** Every kind of target condition in the six profiles, and profiles that disagree on the same data. */
class ProfileConditionTest {

    static final IndicatorDefinition ROW_18 = Indicators.TCM_LED_MEDICAL_COMMUNITY_COVERAGE;

    /** A county report for row 18: residents, grade-2A+ TCM hospitals, residents covered by the 医共体. */
    static Map<String, BigDecimal> row18(int residents, int grade2aHospitals, int covered) {
        return facts("residentPopulation", residents, "tcmHospitalsGrade2aOrAbove", grade2aHospitals,
                "tcmLedMedicalCommunityPopulation", covered);
    }

    static Judgement countyRow18(String county, TargetInForce target, Map<String, BigDecimal> report) {
        return ENGINE.judge(ROW_18, Optional.of(target), sums(ROW_18, target, UnitFacts.county(report)),
                new DivisionFacts(county, report), OptionalLong.empty());
    }

    @Test
    void guangxiRow18DoesNotBindACountyOf250000() {
        // 250,000 residents is not > 300,000: not applicable, and the answer quotes the county's figures.
        Judgement j = countyRow18("450102", inForce("450102", ROW_18), row18(250_000, 1, 100_000));
        assertThat(j.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(j.inapplicability().reason()).isEqualTo(Inapplicability.Reason.DIVISION_CONDITION_NOT_MET);
        assertThat(j.inapplicability().condition())
                .isEqualTo("residentPopulation > 300000 and tcmHospitalsGrade2aOrAbove >= 1");
        assertThat(j.inapplicability().actualFigures()).containsOnly(
                Map.entry("residentPopulation", new BigDecimal("250000")),
                Map.entry("tcmHospitalsGrade2aOrAbove", BigDecimal.ONE));
        assertThat(j.target().target().threshold()).isEqualByComparingTo("30");
    }

    /** Row 18 for a county whose report leaves the population out, with the registry's residents. */
    static Judgement countyRow18FromRegistry(long registryResidents, int grade2aHospitals, int covered) {
        TargetInForce target = inForce("450102", ROW_18);
        Map<String, BigDecimal> report = facts("tcmHospitalsGrade2aOrAbove", grade2aHospitals,
                "tcmLedMedicalCommunityPopulation", covered);
        return ENGINE.judge(ROW_18, Optional.of(target),
                sums(ROW_18, target, UnitFacts.county(report).withRegistryPopulation(registryResidents)),
                new DivisionFacts("450102", report, registryResidents), OptionalLong.empty());
    }

    @Test
    void guangxiRow18ReadsTheRegistrysResidentsWhenTheReportHasNone() {
        // Registry 350,000 > 300,000 and one grade-2A hospital: bound. 120,000 / 350,000 * 100 = 34.2857% >= 30%.
        Judgement big = countyRow18FromRegistry(350_000, 1, 120_000);
        assertThat(big.status()).isEqualTo(Status.MET);
        assertThat(big.value()).isEqualByComparingTo(new BigDecimal("34.28571428571428571428571428571429"));
        assertThat(big.denominator()).isEqualByComparingTo("350000");
        assertThat(big.population()).isEqualByComparingTo("350000");
        assertThat(big.populationSource()).isEqualTo(Judgement.PopulationSource.REGISTRY);

        // Registry 250,000 is not > 300,000: not applicable, quoting the registry's figure and saying where from.
        Judgement small = countyRow18FromRegistry(250_000, 1, 120_000);
        assertThat(small.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(small.inapplicability().condition())
                .isEqualTo("residentPopulation > 300000 and tcmHospitalsGrade2aOrAbove >= 1");
        assertThat(small.inapplicability().actualFigures()).containsOnly(
                Map.entry("residentPopulation", new BigDecimal("250000")),
                Map.entry("tcmHospitalsGrade2aOrAbove", BigDecimal.ONE));
        assertThat(small.population()).isEqualByComparingTo("250000");
        assertThat(small.populationSource()).isEqualTo(Judgement.PopulationSource.REGISTRY);

        // "大于30万人": exactly 300,000 is not more than 300,000, so the target does not bind.
        assertThat(countyRow18FromRegistry(300_000, 1, 120_000).status()).isEqualTo(Status.NOT_APPLICABLE);
        // One more resident binds it: 120,000 / 300,001 * 100 = 39.9999% >= 30%.
        assertThat(countyRow18FromRegistry(300_001, 1, 120_000).status()).isEqualTo(Status.MET);
    }

    @Test
    void theReportsOwnResidentsWinOverTheRegistrysInTheCondition() {
        // Reported 250,000 (registry 350,000): the report decides, not applicable, source REPORTED.
        TargetInForce target = inForce("450102", ROW_18);
        Map<String, BigDecimal> report = row18(250_000, 1, 100_000);
        Judgement j = ENGINE.judge(ROW_18, Optional.of(target),
                sums(ROW_18, target, UnitFacts.county(report).withRegistryPopulation(350_000)),
                new DivisionFacts("450102", report, 350_000L), OptionalLong.empty());
        assertThat(j.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(j.population()).isEqualByComparingTo("250000");
        assertThat(j.populationSource()).isEqualTo(Judgement.PopulationSource.REPORTED);
    }

    @Test
    void aCityOfRow18SumsTheCountiesOverThresholdByTheSameRule() {
        // Two counties, neither reports its population: A (registry 400,000, covers 160,000) is summed,
        // B (registry 200,000) is left out. City: 160,000 / 400,000 * 100 = 40% >= 30%, residents from the registry.
        TargetInForce target = inForce("450102", ROW_18);
        UnitFacts a = UnitFacts.county(facts("tcmHospitalsGrade2aOrAbove", 1, "tcmLedMedicalCommunityPopulation",
                160_000)).withRegistryPopulation(400_000);
        UnitFacts b = UnitFacts.county(facts("tcmHospitalsGrade2aOrAbove", 1, "tcmLedMedicalCommunityPopulation",
                150_000)).withRegistryPopulation(200_000);
        Judgement city = ENGINE.judge(ROW_18, Optional.of(inForce("4501", ROW_18)), sums(ROW_18, target, a, b),
                DivisionFacts.of("4501"), OptionalLong.empty());
        assertThat(city.value()).isEqualByComparingTo("40");
        assertThat(city.sums().excluded()).isEqualTo(1);
        assertThat(city.populationSource()).isEqualTo(Judgement.PopulationSource.REGISTRY);
    }

    @Test
    void guangxiRow18BindsACountyOf350000() {
        // 100,000 / 350,000 = 28.57% < 30% -> NOT_MET
        assertThat(countyRow18("450102", inForce("450102", ROW_18), row18(350_000, 1, 100_000)).status())
                .isEqualTo(Status.NOT_MET);
        // 105,000 / 350,000 = 30% exactly -> MET
        Judgement met = countyRow18("450102", inForce("450102", ROW_18), row18(350_000, 1, 105_000));
        assertThat(met.status()).isEqualTo(Status.MET);
        assertThat(met.value()).isEqualByComparingTo("30");
    }

    @Test
    void aCountyThatDidNotReportItsPopulationIsNoDataNotInapplicable() {
        Map<String, BigDecimal> report = facts("tcmHospitalsGrade2aOrAbove", 1, "tcmLedMedicalCommunityPopulation", 9);
        Judgement j = countyRow18("450102", inForce("450102", ROW_18), report);
        assertThat(j.status()).isEqualTo(Status.NO_DATA);
        assertThat(j.missingDivisionFacts()).containsExactly("residentPopulation");
    }

    @Test
    void yulinAndGuangxiDisagreeOnTheSameCounty() {
        // Yulin county 450902: 250,000 residents, one grade-2A TCM hospital, 100,000 covered.
        Map<String, BigDecimal> report = row18(250_000, 1, 100_000);
        TargetInForce yulin = inForce("450902", ROW_18);
        TargetInForce guangxi = inForce("45", ROW_18);
        assertThat(yulin.profileId()).isEqualTo("yulin-2022");
        assertThat(guangxi.profileId()).isEqualTo("guangxi-2022");
        // Yulin has no population condition: 100,000 / 250,000 = 40% >= 30% -> MET.
        assertThat(countyRow18("450902", yulin, report).status()).isEqualTo(Status.MET);
        // Under Guangxi's condition the same county is too small -> NOT_APPLICABLE.
        assertThat(countyRow18("450902", guangxi, report).status()).isEqualTo(Status.NOT_APPLICABLE);
        // So their sums are kept apart.
        assertThat(Engine.unitFilter(ROW_18, yulin.target()).key()).isEqualTo("tcmHospitalsGrade2aOrAbove >= 1");
        assertThat(Engine.unitFilter(ROW_18, guangxi.target()).key())
                .isEqualTo("residentPopulation > 300000 and tcmHospitalsGrade2aOrAbove >= 1");
    }

    @Test
    void aCityAndItsProvinceSumDifferentCountiesForRow18() {
        // Yulin counties A: 250,000 residents, 100,000 covered; B: 350,000 residents, 90,000 covered;
        // both with a grade-2A TCM hospital. C: 400,000 residents, 200,000 covered, no grade-2A hospital.
        UnitFacts a = UnitFacts.county(row18(250_000, 1, 100_000));
        UnitFacts b = UnitFacts.county(row18(350_000, 1, 90_000));
        UnitFacts c = UnitFacts.county(row18(400_000, 0, 200_000));
        // City 4509 under Yulin (grade condition only): A + B = 190,000 / 600,000 = 31.67% >= 30% -> MET.
        Judgement city = judge("4509", ROW_18, a, b, c);
        assertThat(city.status()).isEqualTo(Status.MET);
        assertThat(city.rounded(2)).isEqualByComparingTo("31.67");
        assertThat(city.sums().excluded()).isEqualTo(1);
        // Province 45 under Guangxi (> 300,000 and grade): B only = 90,000 / 350,000 = 25.71% < 30% -> NOT_MET.
        Judgement province = judge("45", ROW_18, a, b, c);
        assertThat(province.status()).isEqualTo(Status.NOT_MET);
        assertThat(province.rounded(2)).isEqualByComparingTo("25.71");
    }

    @Test
    void aCityWithNoQualifyingCountyIsNotApplicable() {
        // Nanning counties of 250,000 and 280,000: none > 300,000, so Guangxi row 18 binds none of them.
        Judgement j = judge("4501", ROW_18, UnitFacts.county(row18(250_000, 1, 1)),
                UnitFacts.county(row18(280_000, 1, 1)));
        assertThat(j.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(j.inapplicability().reason()).isEqualTo(Inapplicability.Reason.NO_UNIT_UNDER_CONDITION);
    }

    @Test
    void innerMongoliaRow18BindsCountiesWithATcmLedCommunity() {
        // HAS_TCM_LED_COMMUNITY: 0 communities -> not applicable; 1 community, 60,000 of 200,000 = 30% -> MET.
        TargetInForce im = inForce("150102", ROW_18);
        Map<String, BigDecimal> none = facts("tcmLedMedicalCommunities", 0, "residentPopulation", 200_000,
                "tcmLedMedicalCommunityPopulation", 0);
        assertThat(countyRow18("150102", im, none).status()).isEqualTo(Status.NOT_APPLICABLE);
        Map<String, BigDecimal> one = facts("tcmLedMedicalCommunities", 1, "residentPopulation", 200_000,
                "tcmLedMedicalCommunityPopulation", 60_000);
        assertThat(countyRow18("150102", im, one).status()).isEqualTo(Status.MET);
    }

    static UnitFacts hospital(InstitutionType type, HospitalGrade grade, String flag, int value) {
        return UnitFacts.institution(type, facts(flag, value, HospitalGrade.FACT, grade.rank()));
    }

    @Test
    void innerMongoliaCountsOnlyGrade2OrAboveHospitalsForTheRehabDepartment() {
        IndicatorDefinition rehab = Indicators.COUNTY_TCM_HOSPITAL_REHAB_DEPT;
        UnitFacts twoA = hospital(COUNTY_TCM_HOSPITAL, HospitalGrade.GRADE_2A, "hasRehabDept", 1);
        UnitFacts three = hospital(COUNTY_TCM_HOSPITAL, HospitalGrade.GRADE_3, "hasRehabDept", 1);
        UnitFacts oneA = hospital(COUNTY_TCM_HOSPITAL, HospitalGrade.GRADE_1A, "hasRehabDept", 0);
        // IM, >= grade 2 only: 2A and 3 both have one = 2/2 = 100% >= 100% -> MET; the 1A is left out.
        Judgement im = judge("150102", rehab, twoA, three, oneA);
        assertThat(im.status()).isEqualTo(Status.MET);
        assertThat(im.denominator()).isEqualByComparingTo("2");
        // Guangxi counts every county TCM hospital: 2/3 = 66.67% < 75% -> NOT_MET.
        assertThat(judge("450102", rehab, twoA, three, oneA).status()).isEqualTo(Status.NOT_MET);
        // An unrated grade-2 hospital without one counts in IM: 2/3 = 66.67% < 100% -> NOT_MET.
        UnitFacts two = hospital(COUNTY_TCM_HOSPITAL, HospitalGrade.GRADE_2, "hasRehabDept", 0);
        assertThat(judge("150102", rehab, twoA, three, oneA, two).status()).isEqualTo(Status.NOT_MET);
        // A banner whose only TCM hospital is grade 1A has no unit under the condition.
        Judgement none = judge("150102", rehab, oneA);
        assertThat(none.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(none.inapplicability().condition()).isEqualTo("hospitalGrade >= 2");
    }

    @Test
    void innerMongoliaCountsGrade2MchHospitalsOnly() {
        // GRADE_2_ONLY = grade 2 to 2A. With a TCM dept: 2, 2B, 2A; without: 2C; grade 3A (without) left out.
        // 3/4 = 75% >= 70% -> MET (had the 3A counted: 3/5 = 60% < 70%).
        IndicatorDefinition dept = Indicators.COUNTY_MCH_HOSPITAL_TCM_DEPT;
        Judgement j = judge("150102", dept,
                hospital(COUNTY_MCH_HOSPITAL, HospitalGrade.GRADE_2, "hasTcmDept", 1),
                hospital(COUNTY_MCH_HOSPITAL, HospitalGrade.GRADE_2B, "hasTcmDept", 1),
                hospital(COUNTY_MCH_HOSPITAL, HospitalGrade.GRADE_2A, "hasTcmDept", 1),
                hospital(COUNTY_MCH_HOSPITAL, HospitalGrade.GRADE_2C, "hasTcmDept", 0),
                hospital(COUNTY_MCH_HOSPITAL, HospitalGrade.GRADE_3A, "hasTcmDept", 0));
        assertThat(j.status()).isEqualTo(Status.MET);
        assertThat(j.value()).isEqualByComparingTo("75");
        assertThat(j.sums().excluded()).isEqualTo(1);
    }

    @Test
    void qinzhouGradeBetweenFiltersTheMchHospitals() {
        // Qinzhou row 13, 二级妇幼保健院 at >= 70%: a 2A with a TCM dept, a grade 2 without; the grade-3
        // with one is left out. 1/2 = 50% < 70% -> NOT_MET (the 2020 baseline was 50% too).
        IndicatorDefinition dept = Indicators.COUNTY_MCH_HOSPITAL_TCM_DEPT;
        TargetInForce qinzhou = inForce("450702", dept);
        assertThat(qinzhou.profileId()).isEqualTo("qinzhou-2023");
        assertThat(Engine.unitFilter(dept, qinzhou.target()).key()).isEqualTo("hospitalGrade between 2 and 2A");
        Judgement j = judge("450702", dept,
                hospital(COUNTY_MCH_HOSPITAL, HospitalGrade.GRADE_2A, "hasTcmDept", 1),
                hospital(COUNTY_MCH_HOSPITAL, HospitalGrade.GRADE_2, "hasTcmDept", 0),
                hospital(COUNTY_MCH_HOSPITAL, HospitalGrade.GRADE_3, "hasTcmDept", 1));
        assertThat(j.status()).isEqualTo(Status.NOT_MET);
        assertThat(j.value()).isEqualByComparingTo("50");
    }

    @Test
    void beilunEachCentreRuleAndTheAggregateRuleDisagreeOnTheSameCentres() {
        // Two CHSCs: 1 TCM physician of 10, and 9 of 10.
        UnitFacts weak = institution(CHSC, "tcmPhysicians", 1, "physicians", 10);
        UnitFacts strong = institution(CHSC, "tcmPhysicians", 9, "physicians", 10);
        // Aggregate (national 25%): (1 + 9) / (10 + 10) = 10/20 = 50% >= 25% -> MET.
        Judgement aggregate = judge("330206", Indicators.TCM_PHYSICIAN_RATIO, weak, strong);
        assertThat(aggregate.status()).isEqualTo(Status.MET);
        assertThat(aggregate.value()).isEqualByComparingTo("50");
        // Each centre (Beilun 100% of CHSC at >= 25%): 1/10 = 10% fails, 9/10 = 90% meets -> 1 of 2 = 50% < 100%.
        Judgement each = judge("330206", Indicators.CHSC_TCM_PHYSICIAN_SHARE_EACH, weak, strong);
        assertThat(each.status()).isEqualTo(Status.NOT_MET);
        assertThat(each.value()).isEqualByComparingTo("50");
        assertThat(each.numerator()).isEqualByComparingTo("1");
    }

    @Test
    void aDivisionConditionOnAnInstitutionIndicatorJudgesTheDivision() {
        // Made up: row 2 only in counties of more than 300,000. A county of 250,000 is not bound;
        // the centres' sums stay under the indicator's own filter.
        Target t = Target.atLeast(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, "100", new Source("test", "x"))
                .withCondition(Condition.greaterThan("residentPopulation", 300_000));
        TargetInForce target = new TargetInForce(t, "test", "450102");
        assertThat(Engine.unitFilter(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, t)).isEqualTo(UnitFilter.NONE);
        Sums sums = sums(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, target,
                institution(CHSC, "techniqueClasses", 6, "techniqueItems", 10));
        Judgement small = ENGINE.judge(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, Optional.of(target), sums,
                new DivisionFacts("450102", facts("residentPopulation", 250_000)), OptionalLong.empty());
        assertThat(small.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(small.inapplicability().actualFigures()).containsEntry("residentPopulation", new BigDecimal("250000"));
        // 1 of 1 centres = 100% >= 100% in a county of 350,000 -> MET.
        Judgement big = ENGINE.judge(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, Optional.of(target), sums,
                new DivisionFacts("450102", facts("residentPopulation", 350_000)), OptionalLong.empty());
        assertThat(big.status()).isEqualTo(Status.MET);
    }

    @Test
    void conditionsWithoutOneMeaningAreRejected() {
        // An 'or' across a hospital's grade and a county's population names neither units nor divisions.
        Target mixed = Target.atLeast(Indicators.COUNTY_TCM_HOSPITAL_REHAB_DEPT, "75", new Source("test", "x"))
                .withCondition(Condition.any(Condition.gradeAtLeast(HospitalGrade.GRADE_2),
                        Condition.greaterThan("residentPopulation", 300_000)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Engine.unitFilter(Indicators.COUNTY_TCM_HOSPITAL_REHAB_DEPT, mixed));
        // A hospital grade cannot filter counties.
        Target gradeOnCounties = Target.atLeast(ROW_18, "30", new Source("test", "x"))
                .withCondition(Condition.gradeAtLeast(HospitalGrade.GRADE_2));
        assertThatIllegalArgumentException().isThrownBy(() -> Engine.unitFilter(ROW_18, gradeOnCounties))
                .withMessageContaining("hospitalGrade >= 2");
    }
}
