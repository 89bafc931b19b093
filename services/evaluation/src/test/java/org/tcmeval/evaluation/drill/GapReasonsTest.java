package org.tcmeval.evaluation.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcmeval.targets.Indicators;

class GapReasonsTest {

    static Map<String, BigDecimal> facts(Object... kv) {
        var m = new java.util.HashMap<String, BigDecimal>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], new BigDecimal(String.valueOf(kv[i + 1])));
        }
        return m;
    }

    @Test
    void sixClassesTenItemsSaysWhatIsMissingInBothLanguages() {
        var r = GapReasons.ofRule(Indicators.CHSC_THC_TECHNIQUE_CAPACITY.perUnitRule(),
                facts("techniqueClasses", 5, "techniqueItems", 9)).orElseThrow();
        // 6 - 5 = 1 class, 10 - 9 = 1 item: distance 1 + 1 = 2.
        assertThat(r.zh()).isEqualTo("5 类 9 项：还差 1 类 1 项");
        assertThat(r.en()).isEqualTo("needs 1 more class and 1 more item");
        assertThat(r.distance()).isEqualByComparingTo("2");
        assertThat(r.shortfalls()).extracting(GapReasons.Shortfall::field)
                .containsExactly("techniqueClasses", "techniqueItems");
        assertThat(r.shortfalls().get(0).required()).isEqualByComparingTo("6");
        assertThat(r.shortfalls().get(0).actual()).isEqualByComparingTo("5");
    }

    @Test
    void onlyTheMissedPartIsNamed() {
        var r = GapReasons.ofRule(Indicators.CHSC_THC_TECHNIQUE_CAPACITY.perUnitRule(),
                facts("techniqueClasses", 3, "techniqueItems", 12)).orElseThrow();
        // 6 - 3 = 3 classes; 12 items are enough.
        assertThat(r.zh()).isEqualTo("3 类 12 项：还差 3 类");
        assertThat(r.en()).isEqualTo("needs 3 more classes");
        assertThat(r.distance()).isEqualByComparingTo("3");
        assertThat(GapReasons.ofRule(Indicators.CHSC_THC_TECHNIQUE_CAPACITY.perUnitRule(),
                facts("techniqueClasses", 6, "techniqueItems", 10))).isEmpty();
    }

    @Test
    void aMissingFlagAndAMissingPhysician() {
        var r = GapReasons.ofRule(Indicators.CHSC_THC_TCM_CLINIC_AREA_AND_PHYSICIAN.perUnitRule(),
                facts("hasTcmClinicArea", 0, "tcmPhysicians", 0)).orElseThrow();
        assertThat(r.zh()).isEqualTo("未设置中医馆；中医类别医师数 0，要求 ≥ 1：还差 1");
        assertThat(r.en()).isEqualTo("No TCM clinic area (中医馆); TCM-category physicians 0, needs >= 1: 1 more");
        assertThat(r.distance()).isEqualByComparingTo("2");                 // flag 1 + physician 1
    }

    @Test
    void aPerUnitShareRule() {
        var r = GapReasons.ofRule(Indicators.CHSC_TCM_PHYSICIAN_SHARE_EACH.perUnitRule(),
                facts("tcmPhysicians", 1, "physicians", 6)).orElseThrow();
        // 1 / 6 = 16.6667%, shown 16.7; short of 25 by 25 - 16.6667 = 8.3333 points.
        assertThat(r.zh()).isEqualTo("中医类别医师数 1/6 = 16.7% < 25%");
        assertThat(r.en()).isEqualTo("TCM-category physicians 1/6 = 16.7% < 25%");
        assertThat(r.distance()).isEqualByComparingTo("8.3333");
    }

    @Test
    void aUnitsOwnRatioAgainstTheDivisionsTarget() {
        var r = GapReasons.ofRatio("tcmPhysicians", "physicians", new BigDecimal("1"), new BigDecimal("6"),
                new BigDecimal("25")).orElseThrow();
        assertThat(r.zh()).isEqualTo("中医类别医师数 1/6 = 16.7% < 25%");
        assertThat(r.en()).isEqualTo("TCM-category physicians 1/6 = 16.7% < 25%");
        assertThat(r.distance()).isEqualByComparingTo("8.3333");
        // 1 / 4 = 25% reaches 25% exactly; no denominator decides nothing.
        assertThat(GapReasons.ofRatio("tcmPhysicians", "physicians", BigDecimal.ONE, new BigDecimal("4"),
                new BigDecimal("25"))).isEmpty();
        assertThat(GapReasons.ofRatio("tcmPhysicians", "physicians", BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("25"))).isEmpty();
    }

    @Test
    void unitsToCloseIsTheSmallestSufficientNumber() {
        // 2 of 4 met, >= 100%: 4 * 100 / 100 = 4 needed, 4 - 2 = 2.
        assertThat(GapReasons.unitsToClose(2, 4, new BigDecimal("100"))).hasValue(2);
        // 1 of 3 met, >= 80%: 80 * 3 / 100 = 2.4 -> 3 needed, 3 - 1 = 2 (2/3 = 66.7% is not enough).
        assertThat(GapReasons.unitsToClose(1, 3, new BigDecimal("80"))).hasValue(2);
        // 7 of 10 met, >= 60%: 6 needed, already 7: 0.
        assertThat(GapReasons.unitsToClose(7, 10, new BigDecimal("60"))).hasValue(0);
        assertThat(GapReasons.unitsToClose(0, 0, new BigDecimal("60"))).isEmpty();
        assertThat(GapReasons.closingZh(2, new BigDecimal("100"))).isEqualTo("再有 2 家达标即可达到目标 ≥ 100%");
        assertThat(GapReasons.closingEn(1, new BigDecimal("80")))
                .isEqualTo("1 more unit meeting the rule reaches the target (>= 80%)");
    }
}
