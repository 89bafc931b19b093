package org.tcmeval.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.tcmeval.engine.Fixtures.ENGINE;
import static org.tcmeval.engine.Fixtures.inForce;
import static org.tcmeval.engine.Fixtures.institution;
import static org.tcmeval.targets.InstitutionType.CHSC;
import static org.tcmeval.targets.InstitutionType.COUNTY_TCM_HOSPITAL;
import static org.tcmeval.targets.InstitutionType.THC;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.Reporter;

/** Roll-ups add sums and corrections swap one contribution for another, exactly. */
class RollUpTest {

    static final IndicatorDefinition RATIO = Indicators.TCM_PHYSICIAN_RATIO;

    static Contribution contribution(int tcm, int all) {
        return Engine.contribution(RATIO, UnitFilter.NONE, institution(CHSC, "tcmPhysicians", tcm, "physicians", all))
                .orElseThrow();
    }

    @Test
    void aCitySumsItsCountiesNeverAveragesThem() {
        // County A 1/2 = 50%, county B 1/8 = 12.5%. City = (1 + 1) / (2 + 8) = 2/10 = 20%,
        // not the mean of the two rates (50 + 12.5) / 2 = 31.25%.
        Sums countyA = Sums.empty(UnitFilter.NONE).add(contribution(1, 2));
        Sums countyB = Sums.empty(UnitFilter.NONE).add(contribution(1, 8));
        Sums city = new Sums(UnitFilter.NONE.key(), countyA.tally().plus(countyB.tally()));
        Judgement j = ENGINE.judge(RATIO, Optional.of(inForce("4509", RATIO)), city, DivisionFacts.of("4509"),
                OptionalLong.empty());
        assertThat(j.value()).isEqualByComparingTo("20");
        // 20% < 25% -> NOT_MET; the mean 31.25% would have passed.
        assertThat(j.status()).isEqualTo(Status.NOT_MET);
        assertThat(j.sums().units()).isEqualTo(2);
    }

    @Test
    void aCountyRollsIntoItsCityAndProvince() {
        assertThat(Divisions.rollUpChain("450902")).containsExactly("450902", "4509", "45");
        assertThatIllegalArgumentException().isThrownBy(() -> Divisions.rollUpChain("4509"));
    }

    @Test
    void aCorrectionReplacesTheOldContributionExactly() {
        // County with centres 2/8 and 1/8 = 3/16. The second corrects to 3/8:
        // (3 - 1 + 3) / (16 - 8 + 8) = 5/16 = 31.25%.
        Contribution first = contribution(2, 8);
        Contribution old = contribution(1, 8);
        Contribution corrected = contribution(3, 8);
        Sums county = Sums.empty(UnitFilter.NONE).add(first).add(old);
        Sums after = county.replace(Optional.of(old), Optional.of(corrected));
        assertThat(after.tally()).isEqualTo(new Tally(new BigDecimal("5"), new BigDecimal("16"), 2, 0, 0, 0));
        assertThat(ENGINE.judge(RATIO, Optional.of(inForce("450902", RATIO)), after, DivisionFacts.of("450902"),
                OptionalLong.empty()).value()).isEqualByComparingTo("31.25");
        // Rebuilding from the current reports gives the same sums.
        assertThat(after).isEqualTo(Sums.empty(UnitFilter.NONE).add(first).add(corrected));
        // Withdrawing the report takes it out entirely: back to 2/8 over one unit.
        assertThat(after.replace(Optional.of(corrected), Optional.empty()))
                .isEqualTo(Sums.empty(UnitFilter.NONE).add(first));
    }

    @Test
    void aDecimalDirectValueIsReplacedWithoutRounding() {
        // 52.81 then corrected to 52.8: the sums hold 52.8, not 52.80999...
        Contribution old = Engine.contribution(Indicators.TCM_HEALTH_SERVICE_SCALE, UnitFilter.NONE,
                UnitFacts.jurisdiction(Fixtures.facts("tcmHealthServiceScale", "52.81"))).orElseThrow();
        Contribution now = Engine.contribution(Indicators.TCM_HEALTH_SERVICE_SCALE, UnitFilter.NONE,
                UnitFacts.jurisdiction(Fixtures.facts("tcmHealthServiceScale", "52.80"))).orElseThrow();
        Sums city = Sums.empty(UnitFilter.NONE).add(old).replace(Optional.of(old), Optional.of(now));
        assertThat(city.tally().numerator()).isEqualByComparingTo("52.8");
        assertThat(city.tally().units()).isEqualTo(1);
    }

    @Test
    void aContributionUnderAnotherFilterCannotEnterTheSums() {
        UnitFilter gradeTwo = Engine.unitFilter(Indicators.COUNTY_TCM_HOSPITAL_REHAB_DEPT,
                inForce("150102", Indicators.COUNTY_TCM_HOSPITAL_REHAB_DEPT).target());
        Contribution underGrade = Engine.contribution(Indicators.COUNTY_TCM_HOSPITAL_REHAB_DEPT, gradeTwo,
                institution(COUNTY_TCM_HOSPITAL, "hasRehabDept", 1, "hospitalGrade", 8)).orElseThrow();
        assertThatIllegalArgumentException().isThrownBy(() -> Sums.empty(UnitFilter.NONE).add(underGrade))
                .withMessageContaining("hospitalGrade >= 2");
    }

    @Test
    void removingWhatWasNeverAddedIsCaughtWhenJudged() {
        Sums negative = Sums.empty(UnitFilter.NONE).remove(contribution(1, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> ENGINE.judge(RATIO, Optional.empty(), negative,
                DivisionFacts.of("4509"), OptionalLong.empty())).withMessageContaining("never added");
    }

    @Test
    void theServiceTouchesOnlyTheIndicatorsAUnitFeeds() {
        // A THC feeds row 2 (techniques) and row 14 (physician ratio) but not the village-clinic rows.
        assertThat(Engine.applicableIndicators(THC)).contains(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, RATIO)
                .doesNotContain(Indicators.VILLAGE_CLINIC_TECHNIQUE_CAPACITY, Indicators.TCM_GP_DENSITY);
        assertThat(Engine.applicableIndicators(InstitutionType.TCM_CLINIC)).isEmpty();
        assertThat(Engine.applicableIndicators(Reporter.COUNTY))
                .contains(Indicators.TCM_GP_DENSITY, Indicators.TCM_LED_MEDICAL_COMMUNITY_COVERAGE)
                .allMatch(i -> i.reporter() == Reporter.COUNTY);
        assertThat(Engine.applicableIndicators(Reporter.JURISDICTION))
                .contains(Indicators.TCM_HEALTH_CULTURE_LITERACY, Indicators.TCM_INSTITUTIONS);
    }
}
