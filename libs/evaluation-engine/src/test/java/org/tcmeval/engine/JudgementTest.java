package org.tcmeval.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.tcmeval.engine.Fixtures.ENGINE;
import static org.tcmeval.engine.Fixtures.county;
import static org.tcmeval.engine.Fixtures.facts;
import static org.tcmeval.engine.Fixtures.inForce;
import static org.tcmeval.engine.Fixtures.institution;
import static org.tcmeval.engine.Fixtures.judge;
import static org.tcmeval.engine.Fixtures.sums;
import static org.tcmeval.targets.InstitutionType.CHSC;
import static org.tcmeval.targets.InstitutionType.THC;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.Source;
import org.tcmeval.targets.Target;

/** Statuses and comparators: every expected value is worked out in the comment beside it. */
class JudgementTest {

    /** Xingning district, Nanning: Guangxi's profile is the most specific one. */
    static final String NANNING_COUNTY = "450102";
    static final Source TEST_SOURCE = new Source("test", "made-up target");

    @Test
    void aValueExactlyOnTheLowerBoundIsMet() {
        // Guangxi row 14: 2 TCM physicians of 8 = 2/8 = 25% >= 25% -> MET.
        Judgement j = judge(NANNING_COUNTY, Indicators.TCM_PHYSICIAN_RATIO,
                institution(CHSC, "tcmPhysicians", 2, "physicians", 8));
        assertThat(j.status()).isEqualTo(Status.MET);
        assertThat(j.value()).isEqualByComparingTo("25");
        assertThat(j.numerator()).isEqualByComparingTo("2");
        assertThat(j.denominator()).isEqualByComparingTo("8");
        assertThat(j.target().profileId()).isEqualTo("guangxi-2022");
    }

    @Test
    void aValueBelowTheLowerBoundIsNotMet() {
        // 1/8 = 12.5% < 25% -> NOT_MET.
        Judgement j = judge(NANNING_COUNTY, Indicators.TCM_PHYSICIAN_RATIO,
                institution(CHSC, "tcmPhysicians", 1, "physicians", 8));
        assertThat(j.status()).isEqualTo(Status.NOT_MET);
        assertThat(j.value()).isEqualByComparingTo("12.5");
    }

    @Test
    void aCountyComplianceRateCountsCounties() {
        // Guangxi row 1 at city 4501: counties with 1, 2 and 0 county-run TCM institutions.
        // 2 of 3 counties have one: 2/3 = 66.67% < 100% -> NOT_MET.
        Judgement j = judge("4501", Indicators.COUNTY_TCM_INSTITUTION_COVERAGE,
                county("countyRunTcmInstitutions", 1), county("countyRunTcmInstitutions", 2),
                county("countyRunTcmInstitutions", 0));
        assertThat(j.status()).isEqualTo(Status.NOT_MET);
        assertThat(j.numerator()).isEqualByComparingTo("2");
        assertThat(j.denominator()).isEqualByComparingTo("3");
        assertThat(j.rounded(2)).isEqualByComparingTo("66.67");
        // All three have one: 3/3 = 100% -> MET.
        assertThat(judge("4501", Indicators.COUNTY_TCM_INSTITUTION_COVERAGE, county("countyRunTcmInstitutions", 1),
                county("countyRunTcmInstitutions", 2), county("countyRunTcmInstitutions", 1)).status())
                .isEqualTo(Status.MET);
    }

    @Test
    void theVerdictIsReachedOnTheFractionNotOnTheRoundedValue() {
        // 2 of 3 CHSC/THC meet 6 classes & 10 items: 2/3 = 66.666...% < 66.67% -> NOT_MET,
        // although the value rounds to 66.67 for display.
        TargetInForce target = new TargetInForce(
                Target.atLeast(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, "66.67", TEST_SOURCE), "test", "45");
        Sums sums = sums(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, target,
                institution(CHSC, "techniqueClasses", 6, "techniqueItems", 10),
                institution(THC, "techniqueClasses", 8, "techniqueItems", 12),
                institution(THC, "techniqueClasses", 5, "techniqueItems", 12));
        Judgement j = ENGINE.judge(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, Optional.of(target), sums,
                DivisionFacts.of("45"), OptionalLong.empty());
        assertThat(j.status()).isEqualTo(Status.NOT_MET);
        assertThat(j.rounded(2)).isEqualByComparingTo("66.67");
        // Against Guangxi's real 100%: 2/3 < 100% -> NOT_MET as well.
        assertThat(judge("45", Indicators.CHSC_THC_TECHNIQUE_CAPACITY,
                institution(CHSC, "techniqueClasses", 6, "techniqueItems", 10),
                institution(THC, "techniqueClasses", 8, "techniqueItems", 12),
                institution(THC, "techniqueClasses", 5, "techniqueItems", 12)).status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void atMostIsInclusive() {
        // No profile uses AT_MOST yet; a ceiling of 30% TCM physicians: 3/10 = 30% <= 30 MET, 4/10 = 40% NOT_MET.
        TargetInForce ceiling = new TargetInForce(
                Target.atMost(Indicators.TCM_PHYSICIAN_RATIO, "30", TEST_SOURCE), "test", "45");
        assertThat(judgeAgainst(ceiling, Indicators.TCM_PHYSICIAN_RATIO,
                institution(CHSC, "tcmPhysicians", 3, "physicians", 10)).status()).isEqualTo(Status.MET);
        assertThat(judgeAgainst(ceiling, Indicators.TCM_PHYSICIAN_RATIO,
                institution(CHSC, "tcmPhysicians", 4, "physicians", 10)).status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void betweenIsInclusiveAtBothEndsOfTheGpDensity() {
        // Guangxi row 13: 0.4..0.7 TCM GPs per 10,000 residents, county of 300,000 residents.
        // 11 * 10,000 / 300,000 = 0.3667 < 0.4 -> NOT_MET
        assertThat(gpDensity(11).status()).isEqualTo(Status.NOT_MET);
        // 12 * 10,000 / 300,000 = 0.4 exactly -> MET
        assertThat(gpDensity(12).status()).isEqualTo(Status.MET);
        assertThat(gpDensity(12).value()).isEqualByComparingTo("0.4");
        // 21 * 10,000 / 300,000 = 0.7 exactly -> MET
        assertThat(gpDensity(21).status()).isEqualTo(Status.MET);
        // 22 * 10,000 / 300,000 = 0.7333 > 0.7 -> NOT_MET
        assertThat(gpDensity(22).status()).isEqualTo(Status.NOT_MET);
        assertThat(gpDensity(22).rounded(4)).isEqualByComparingTo("0.7333");
        assertThat(gpDensity(22).populationSource()).isEqualTo(Judgement.PopulationSource.REPORTED);
    }

    private static Judgement gpDensity(int gps) {
        return judge(NANNING_COUNTY, Indicators.TCM_GP_DENSITY,
                county("tcmGeneralPractitioners", gps, "residentPopulation", 300_000));
    }

    @Test
    void aDensityOnTheRegistryPopulationSaysSo() {
        // The county report lacks its population; the registry's 300,000 gives 12 / 300,000 * 10,000 = 0.4.
        Judgement j = judge(NANNING_COUNTY, Indicators.TCM_GP_DENSITY,
                county("tcmGeneralPractitioners", 12).withRegistryPopulation(300_000));
        assertThat(j.status()).isEqualTo(Status.MET);
        assertThat(j.value()).isEqualByComparingTo("0.4");
        assertThat(j.populationSource()).isEqualTo(Judgement.PopulationSource.REGISTRY);
    }

    @Test
    void withoutATargetTheValueIsShownUnjudged() {
        // Beilun alone sets CHSC TCM visit share; in Nanning there is none. 35 of 100 visits = 35%.
        IndicatorDefinition visits = Indicators.CHSC_TCM_VISIT_SHARE;
        assertThat(TargetInForce.resolve(Fixtures.RESOLVER, NANNING_COUNTY, visits.code())).isEmpty();
        Judgement j = ENGINE.judge(visits, Optional.empty(),
                sums(visits, null, institution(CHSC, "tcmVisits", 35, "visits", 100)),
                DivisionFacts.of(NANNING_COUNTY), OptionalLong.empty());
        assertThat(j.status()).isEqualTo(Status.NO_TARGET);
        assertThat(j.value()).isEqualByComparingTo("35");
        assertThat(j.target()).isNull();
    }

    @Test
    void nothingReportedIsNoDataButTheTargetIsStillShown() {
        Judgement j = judge(NANNING_COUNTY, Indicators.TCM_PHYSICIAN_RATIO);
        assertThat(j.status()).isEqualTo(Status.NO_DATA);
        assertThat(j.value()).isNull();
        assertThat(j.target().target().threshold()).isEqualByComparingTo("25");
    }

    @Test
    void onlyUndecidedUnitsIsNoData() {
        // Both centres lack techniqueItems: nothing decided, so no value at all.
        Judgement j = judge(NANNING_COUNTY, Indicators.CHSC_THC_TECHNIQUE_CAPACITY,
                institution(CHSC, "techniqueClasses", 6), institution(THC, "techniqueClasses", 7));
        assertThat(j.status()).isEqualTo(Status.NO_DATA);
        assertThat(j.sums().missingFacts()).isEqualTo(2);
    }

    @Test
    void tooFewReportsIsIncompleteWithTheValueShown() {
        // 4 of 5 expected CHSC/THC reported, all meeting the rule: 4/4 = 100%, but completeness 4/5 = 80%.
        UnitFacts good = institution(THC, "techniqueClasses", 6, "techniqueItems", 10);
        TargetInForce target = inForce(NANNING_COUNTY, Indicators.CHSC_THC_TECHNIQUE_CAPACITY);
        Sums sums = sums(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, target, good, good, good, good);
        Judgement strict = ENGINE.judge(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, Optional.of(target), sums,
                DivisionFacts.of(NANNING_COUNTY), OptionalLong.of(5));
        assertThat(strict.status()).isEqualTo(Status.INCOMPLETE);
        assertThat(strict.value()).isEqualByComparingTo("100");
        assertThat(strict.completeness().percent()).isEqualByComparingTo("80");
        // An engine content with 80% judges it: 80% >= 80% and 100% >= 100% -> MET.
        Judgement lenient = new Engine(new BigDecimal("80")).judge(Indicators.CHSC_THC_TECHNIQUE_CAPACITY,
                Optional.of(target), sums, DivisionFacts.of(NANNING_COUNTY), OptionalLong.of(5));
        assertThat(lenient.status()).isEqualTo(Status.MET);
    }

    @Test
    void anUndecidedUnitMakesTheSumsIncompleteEvenWithoutARegistryCount() {
        // 2 centres meet the rule, 1 has not reported its items: 2/2 = 100% decided, but only 2 of the 3
        // that reported are decided (66.67%), so the 100% is not claimed.
        Judgement j = judge(NANNING_COUNTY, Indicators.CHSC_THC_TECHNIQUE_CAPACITY,
                institution(CHSC, "techniqueClasses", 6, "techniqueItems", 10),
                institution(THC, "techniqueClasses", 6, "techniqueItems", 10),
                institution(THC, "techniqueClasses", 6));
        assertThat(j.status()).isEqualTo(Status.INCOMPLETE);
        assertThat(j.completeness()).isEqualTo(new Completeness(2, 3));
    }

    @Test
    void aDirectlyReportedValueIsJudgedAtTheReportingCityOnly() {
        // Qinzhou row 24: literacy 25% reported by the city against ">= 25%" -> MET, on the bound.
        UnitFacts literacy = UnitFacts.jurisdiction(facts("tcmHealthCultureLiteracy", 25));
        Judgement city = judge("4507", Indicators.TCM_HEALTH_CULTURE_LITERACY, literacy);
        assertThat(city.status()).isEqualTo(Status.MET);
        assertThat(city.value()).isEqualByComparingTo("25");
        assertThat(city.target().target().baseline()).isEqualByComparingTo("18.9");
        // 24.9% < 25% -> NOT_MET
        assertThat(judge("4507", Indicators.TCM_HEALTH_CULTURE_LITERACY,
                UnitFacts.jurisdiction(facts("tcmHealthCultureLiteracy", "24.9"))).status()).isEqualTo(Status.NOT_MET);
        // A county of Qinzhou is not judged against the city's survey figure.
        Judgement countyJudgement = judge("450702", Indicators.TCM_HEALTH_CULTURE_LITERACY);
        assertThat(countyJudgement.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(countyJudgement.inapplicability().reason())
                .isEqualTo(Inapplicability.Reason.JUDGED_AT_PROFILE_DIVISION);
        assertThat(countyJudgement.inapplicability().condition()).isEqualTo("4507");
    }

    @Test
    void aRegionWideCountIsJudgedForTheRegionOnly() {
        // Inner Mongolia: 150 demonstration 中医馆 in the region. 150 of 200 CHSC/THC have one: 150 >= 150 -> MET.
        UnitFacts demo = institution(THC, "demonstrationTcmClinicArea", 1);
        UnitFacts plain = institution(THC, "demonstrationTcmClinicArea", 0);
        Judgement region = judge("15", Indicators.DEMONSTRATION_TCM_CLINIC_AREAS, units(demo, 150, plain, 50));
        assertThat(region.status()).isEqualTo(Status.MET);
        assertThat(region.value()).isEqualByComparingTo("150");
        assertThat(region.denominator()).isEqualByComparingTo("200");
        // 149 -> NOT_MET
        assertThat(judge("15", Indicators.DEMONSTRATION_TCM_CLINIC_AREAS, units(demo, 149, plain, 51)).status())
                .isEqualTo(Status.NOT_MET);
        // A banner with 12 is not judged against 150: the number is the region's.
        TargetInForce target = inForce("150102", Indicators.DEMONSTRATION_TCM_CLINIC_AREAS);
        assertThat(Engine.judgedOnlyAt(Indicators.DEMONSTRATION_TCM_CLINIC_AREAS, target)).contains("15");
        Judgement banner = judge("150102", Indicators.DEMONSTRATION_TCM_CLINIC_AREAS, units(demo, 12, plain, 3));
        assertThat(banner.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(banner.value()).isEqualByComparingTo("12");
        assertThat(banner.target().target().threshold()).isEqualByComparingTo("150");
    }

    @Test
    void ratiosAreJudgedAtEveryDivision() {
        assertThat(Engine.judgedOnlyAt(Indicators.TCM_PHYSICIAN_RATIO,
                inForce(NANNING_COUNTY, Indicators.TCM_PHYSICIAN_RATIO))).isEmpty();
    }

    @Test
    void sumsKeptUnderAnotherFilterAreRefused() {
        TargetInForce target = inForce(NANNING_COUNTY, Indicators.TCM_PHYSICIAN_RATIO);
        Sums other = new Sums("hospitalGrade >= 2", Tally.counted(1, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> ENGINE.judge(Indicators.TCM_PHYSICIAN_RATIO,
                Optional.of(target), other, DivisionFacts.of(NANNING_COUNTY), OptionalLong.empty()))
                .withMessageContaining("hospitalGrade >= 2");
    }

    @Test
    void twoDirectValuesSummedAreRefused() {
        TargetInForce target = inForce("4507", Indicators.TCM_HEALTH_CULTURE_LITERACY);
        Sums twice = new Sums("always", Tally.counted(25, 0).plus(Tally.counted(25, 0)));
        assertThatIllegalArgumentException().isThrownBy(() -> ENGINE.judge(Indicators.TCM_HEALTH_CULTURE_LITERACY,
                Optional.of(target), twice, DivisionFacts.of("4507"), OptionalLong.empty()));
    }

    private static Judgement judgeAgainst(TargetInForce target, IndicatorDefinition indicator, UnitFacts... units) {
        return ENGINE.judge(indicator, Optional.of(target), sums(indicator, target, units),
                DivisionFacts.of(target.profileDivisionCode()), OptionalLong.empty());
    }

    private static UnitFacts[] units(UnitFacts a, int timesA, UnitFacts b, int timesB) {
        List<UnitFacts> all = new ArrayList<>();
        for (int i = 0; i < timesA; i++) {
            all.add(a);
        }
        for (int i = 0; i < timesB; i++) {
            all.add(b);
        }
        return all.toArray(UnitFacts[]::new);
    }
}
