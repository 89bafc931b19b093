package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcmeval.targets.Truth.FALSE;
import static org.tcmeval.targets.Truth.TRUE;
import static org.tcmeval.targets.Truth.UNKNOWN;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kleene's three-valued logic, every combination, and how conditions answer on missing figures. */
class TruthTest {

    @Test
    void andIsKleenesConjunction() {
        assertThat(TRUE.and(TRUE)).isEqualTo(TRUE);
        assertThat(TRUE.and(FALSE)).isEqualTo(FALSE);
        assertThat(TRUE.and(UNKNOWN)).isEqualTo(UNKNOWN);
        assertThat(FALSE.and(TRUE)).isEqualTo(FALSE);
        assertThat(FALSE.and(FALSE)).isEqualTo(FALSE);
        assertThat(FALSE.and(UNKNOWN)).isEqualTo(FALSE);
        assertThat(UNKNOWN.and(TRUE)).isEqualTo(UNKNOWN);
        assertThat(UNKNOWN.and(FALSE)).isEqualTo(FALSE);
        assertThat(UNKNOWN.and(UNKNOWN)).isEqualTo(UNKNOWN);
    }

    @Test
    void orIsKleenesDisjunction() {
        assertThat(TRUE.or(TRUE)).isEqualTo(TRUE);
        assertThat(TRUE.or(FALSE)).isEqualTo(TRUE);
        assertThat(TRUE.or(UNKNOWN)).isEqualTo(TRUE);
        assertThat(FALSE.or(TRUE)).isEqualTo(TRUE);
        assertThat(FALSE.or(FALSE)).isEqualTo(FALSE);
        assertThat(FALSE.or(UNKNOWN)).isEqualTo(UNKNOWN);
        assertThat(UNKNOWN.or(TRUE)).isEqualTo(TRUE);
        assertThat(UNKNOWN.or(FALSE)).isEqualTo(UNKNOWN);
        assertThat(UNKNOWN.or(UNKNOWN)).isEqualTo(UNKNOWN);
    }

    static final Condition POPULATION = Condition.greaterThan("residentPopulation", 300_000);
    static final Condition HOSPITAL = Condition.atLeast("tcmHospitalsGrade2aOrAbove", 1);

    /** A county's figures: {@code null} leaves the figure out (not reported). */
    static Map<String, BigDecimal> county(Integer residents, Integer hospitals) {
        var m = new java.util.HashMap<String, BigDecimal>();
        if (residents != null) {
            m.put("residentPopulation", BigDecimal.valueOf(residents));
        }
        if (hospitals != null) {
            m.put("tcmHospitalsGrade2aOrAbove", BigDecimal.valueOf(hospitals));
        }
        return m;
    }

    @Test
    void guangxiRow18OnEveryCombinationOfKnownAndMissingFigures() {
        Condition row18 = GuangxiProfile.ROW_18_CONDITION;
        // residents: 350,000 (> 300,000: true), 250,000 (false), missing; hospitals: 1 (>= 1: true), 0, missing.
        assertThat(row18.truth(county(350_000, 1))).isEqualTo(TRUE);
        assertThat(row18.truth(county(350_000, 0))).isEqualTo(FALSE);
        assertThat(row18.truth(county(350_000, null))).isEqualTo(UNKNOWN);
        assertThat(row18.truth(county(250_000, 1))).isEqualTo(FALSE);
        assertThat(row18.truth(county(250_000, 0))).isEqualTo(FALSE);
        // The case issue 8 names: 250,000 rules the county out whatever its hospital figure turns out to be.
        assertThat(row18.truth(county(250_000, null))).isEqualTo(FALSE);
        assertThat(row18.truth(county(null, 1))).isEqualTo(UNKNOWN);
        assertThat(row18.truth(county(null, 0))).isEqualTo(FALSE);
        assertThat(row18.truth(county(null, null))).isEqualTo(UNKNOWN);
        // The two-valued reading holds only where the three-valued one is TRUE.
        assertThat(row18.test(county(350_000, null))).isFalse();
        assertThat(row18.test(county(350_000, 1))).isTrue();
    }

    @Test
    void anAlternativeThatHoldsSettlesAnOrWhateverTheOtherIs() {
        Condition either = Condition.any(POPULATION, HOSPITAL);
        assertThat(either.truth(county(350_000, null))).isEqualTo(TRUE);
        assertThat(either.truth(county(null, 1))).isEqualTo(TRUE);
        assertThat(either.truth(county(250_000, null))).isEqualTo(UNKNOWN);
        assertThat(either.truth(county(null, 0))).isEqualTo(UNKNOWN);
        assertThat(either.truth(county(250_000, 0))).isEqualTo(FALSE);
        assertThat(either.truth(county(null, null))).isEqualTo(UNKNOWN);
    }

    @Test
    void everyLeafIsUnknownOnAMissingFigureAndDecidedOnAPresentOne() {
        assertThat(Condition.flag("hasTcmCorner").truth(Map.of())).isEqualTo(UNKNOWN);
        assertThat(Condition.flag("hasTcmCorner").truth(Map.of("hasTcmCorner", BigDecimal.ZERO))).isEqualTo(FALSE);
        Condition grade = Condition.gradeBetween(HospitalGrade.GRADE_2, HospitalGrade.GRADE_2A);
        assertThat(grade.truth(Map.of())).isEqualTo(UNKNOWN);
        assertThat(grade.truth(Map.of(HospitalGrade.FACT, HospitalGrade.GRADE_3.asFact()))).isEqualTo(FALSE);
        assertThat(grade.truth(Map.of(HospitalGrade.FACT, HospitalGrade.GRADE_2A.asFact()))).isEqualTo(TRUE);
        Condition quarter = Condition.shareAtLeast("tcmPhysicians", "physicians", "25");
        assertThat(quarter.truth(Map.of("physicians", BigDecimal.valueOf(4)))).isEqualTo(UNKNOWN);
        assertThat(quarter.truth(Map.of("tcmPhysicians", BigDecimal.ONE))).isEqualTo(UNKNOWN);
        // No physicians at all: no share can be met, whatever the TCM figure.
        assertThat(quarter.truth(Map.of("physicians", BigDecimal.ZERO))).isEqualTo(FALSE);
        // 1 / 4 = 25% >= 25%; 1 / 5 = 20% < 25%.
        assertThat(quarter.truth(Map.of("tcmPhysicians", BigDecimal.ONE, "physicians", BigDecimal.valueOf(4))))
                .isEqualTo(TRUE);
        assertThat(quarter.truth(Map.of("tcmPhysicians", BigDecimal.ONE, "physicians", BigDecimal.valueOf(5))))
                .isEqualTo(FALSE);
        assertThat(Condition.NONE.truth(Map.of())).isEqualTo(TRUE);
    }

    @Test
    void aPerUnitRuleFailsOnOneKnownPart() {
        // 6 classes and 10 items: a centre of 3 classes misses it whatever its items; one of 6 classes is open.
        Condition rule = Indicators.CHSC_THC_TECHNIQUE_CAPACITY.perUnitRule();
        assertThat(rule.truth(Map.of("techniqueClasses", BigDecimal.valueOf(3)))).isEqualTo(FALSE);
        assertThat(rule.truth(Map.of("techniqueClasses", BigDecimal.valueOf(6)))).isEqualTo(UNKNOWN);
    }
}
