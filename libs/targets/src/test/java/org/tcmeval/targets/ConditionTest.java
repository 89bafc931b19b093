package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the engine reads a condition: the semantics every profile relies on. */
class ConditionTest {

    @Test
    void noneAlwaysHolds() {
        assertThat(Condition.NONE.test(Map.of())).isTrue();
        assertThat(Condition.NONE.describe()).isEqualTo("always");
        assertThat(Condition.NONE.fields()).isEmpty();
    }

    @Test
    void aMissingFactIsNotMet() {
        Condition rule = Condition.atLeast("techniqueItems", 10);
        assertThat(rule.test(Map.of())).isFalse();
        assertThat(rule.fields()).containsExactly("techniqueItems");
    }

    @Test
    void greaterThanIsStrict() {
        Condition big = Condition.greaterThan("residentPopulation", 300_000);
        assertThat(big.test(Map.of("residentPopulation", BigDecimal.valueOf(300_000)))).isFalse();
        assertThat(big.test(Map.of("residentPopulation", BigDecimal.valueOf(300_001)))).isTrue();
        assertThat(big.describe()).isEqualTo("residentPopulation > 300000");
    }

    @Test
    void aFlagIsSetWhenItIsOne() {
        Condition f = Condition.flag("hasTcmCorner");
        assertThat(f.test(Map.of("hasTcmCorner", BigDecimal.ONE))).isTrue();
        assertThat(f.test(Map.of("hasTcmCorner", BigDecimal.ZERO))).isFalse();
        assertThat(f.describe()).isEqualTo("hasTcmCorner = 1");
    }

    @Test
    void gradesCompareInOrder() {
        Condition twoA = Condition.gradeAtLeast(HospitalGrade.GRADE_2A);
        assertThat(twoA.describe()).isEqualTo("hospitalGrade >= 2A");
        assertThat(twoA.test(Map.of(HospitalGrade.FACT, HospitalGrade.GRADE_2A.asFact()))).isTrue();
        assertThat(twoA.test(Map.of(HospitalGrade.FACT, HospitalGrade.GRADE_3.asFact()))).isTrue();
        assertThat(twoA.test(Map.of(HospitalGrade.FACT, HospitalGrade.GRADE_2B.asFact()))).isFalse();
        assertThat(HospitalGrade.ofRank(HospitalGrade.GRADE_3B.asFact())).contains(HospitalGrade.GRADE_3B);
    }

    @Test
    void shareIsExactWithoutRounding() {
        Condition third = Condition.shareAtLeast("tcmPhysicians", "physicians", "33.34");
        // 1/3 = 33.333...% is below 33.34%; 2/6 the same; a rounded share of 33.33 could mislead either way.
        assertThat(third.test(Map.of("tcmPhysicians", BigDecimal.ONE, "physicians", BigDecimal.valueOf(3)))).isFalse();
        Condition quarter = Condition.shareAtLeast("tcmPhysicians", "physicians", "25");
        assertThat(quarter.test(Map.of("tcmPhysicians", BigDecimal.ONE, "physicians", BigDecimal.valueOf(4)))).isTrue();
        assertThat(quarter.test(Map.of("tcmPhysicians", BigDecimal.ONE, "physicians", BigDecimal.valueOf(5)))).isFalse();
    }

    @Test
    void aUnitWithoutAWholeFailsAShareRule() {
        Condition quarter = Condition.shareAtLeast("tcmPhysicians", "physicians", "25");
        assertThat(quarter.test(Map.of("tcmPhysicians", BigDecimal.ZERO, "physicians", BigDecimal.ZERO))).isFalse();
    }

    @Test
    void allAndAnyCombine() {
        Condition c = Condition.all(Condition.flag("hasTcmClinicArea"),
                Condition.any(Condition.atLeast("tcmPhysicians", 1), Condition.atLeast("tcmCapableClinicalPhysicians", 1)));
        assertThat(c.describe())
                .isEqualTo("hasTcmClinicArea = 1 and (tcmPhysicians >= 1 or tcmCapableClinicalPhysicians >= 1)");
        assertThat(c.fields()).containsExactly("hasTcmClinicArea", "tcmPhysicians", "tcmCapableClinicalPhysicians");
        assertThat(c.test(Map.of("hasTcmClinicArea", BigDecimal.ONE, "tcmCapableClinicalPhysicians", BigDecimal.ONE)))
                .isTrue();
        assertThat(c.test(Map.of("hasTcmClinicArea", BigDecimal.ZERO, "tcmPhysicians", BigDecimal.ONE))).isFalse();
    }
}
