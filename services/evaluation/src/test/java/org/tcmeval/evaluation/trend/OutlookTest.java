package org.tcmeval.evaluation.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcmeval.evaluation.trend.LinearTrend.Fit;
import org.tcmeval.evaluation.trend.LinearTrend.Point;
import org.tcmeval.evaluation.trend.Outlook.Terms;
import org.tcmeval.evaluation.trend.Outlook.Verdict;
import org.tcmeval.evaluation.trend.Outlook.Why;
import org.tcmeval.targets.Comparator;

class OutlookTest {

    static Point p(int year, String value) {
        return new Point(year, new BigDecimal(value));
    }

    static Terms atLeast(String threshold, int deadline) {
        return new Terms(Comparator.AT_LEAST, new BigDecimal(threshold), null, deadline, null);
    }

    /** 2021..2024: 60, 64, 66, 70. */
    static final List<Point> FOUR = List.of(p(2021, "60"), p(2022, "64"), p(2023, "66"), p(2024, "70"));

    @Test
    void leastSquaresByHand() {
        // x̄ = 2022.5, ȳ = 260 / 4 = 65; x − x̄ = −1.5, −0.5, 0.5, 1.5; y − ȳ = −5, −1, 1, 5.
        // Σ(x − x̄)(y − ȳ) = 7.5 + 0.5 + 0.5 + 7.5 = 16; Σ(x − x̄)² = 2.25 + 0.25 + 0.25 + 2.25 = 5; b = 16 / 5 = 3.2.
        // At 2025: 65 + 3.2 · (2025 − 2022.5) = 65 + 8 = 73.
        Fit f = LinearTrend.fit(FOUR, 2025).orElseThrow();
        assertThat(f.slopePerYear()).isEqualByComparingTo("3.2");
        assertThat(f.value()).isEqualByComparingTo("73");
        assertThat(f.points()).isEqualTo(4);
        assertThat(f.firstYear()).isEqualTo(2021);
        assertThat(f.lastYear()).isEqualTo(2024);
        // The order the points come in does not matter.
        assertThat(LinearTrend.fit(List.of(FOUR.get(3), FOUR.get(0), FOUR.get(2), FOUR.get(1)), 2025).orElseThrow().value())
                .isEqualByComparingTo("73");
    }

    @Test
    void theVerdictUsesTheExactValueNotTheRoundedOne() {
        // 2021: 1, 2022: 2, 2023: 2. x̄ = 2022, ȳ = 5/3; x − x̄ = −1, 0, 1; y − ȳ = −2/3, 1/3, 1/3.
        // Σ(x − x̄)(y − ȳ) = 2/3 + 0 + 1/3 = 1; Σ(x − x̄)² = 2; b = 1/2.
        // At 2025: 5/3 + 1/2 · 3 = 5/3 + 3/2 = 19/6 = 3.1666..., shown as 3.1667.
        List<Point> thirds = List.of(p(2021, "1"), p(2022, "2"), p(2023, "2"));
        Fit f = LinearTrend.fit(thirds, 2025).orElseThrow();
        assertThat(f.value()).isEqualByComparingTo("3.1667");
        assertThat(f.slopePerYear()).isEqualByComparingTo("0.5");
        // 19/6 < 3.1667 although the shown value equals it: OFF_TRACK against >= 3.1667, ON_TRACK against <= 3.1667.
        assertThat(Outlook.of("450721", thirds, atLeast("3.1667", 2025)).verdict()).isEqualTo(Verdict.OFF_TRACK);
        assertThat(Outlook.of("450721", thirds, new Terms(Comparator.AT_MOST, new BigDecimal("3.1667"), null, 2025,
                null)).verdict()).isEqualTo(Verdict.ON_TRACK);
        // 19/6 >= 3.1666: on track.
        assertThat(Outlook.of("450721", thirds, atLeast("3.1666", 2025)).verdict()).isEqualTo(Verdict.ON_TRACK);
    }

    @Test
    void onTrackAndOffTrackAgainstEachComparator() {
        // 73 in 2025 (above): exactly on the bar of >= 73 is met (bounds are inclusive), >= 75 is not.
        Outlook.Result on = Outlook.of("450721", FOUR, atLeast("73", 2025));
        assertThat(on.verdict()).isEqualTo(Verdict.ON_TRACK);
        assertThat(on.en()).isEqualTo("linear projection over 4 values (2021–2024; an estimate, not a result):"
                + " about 73 in 2025 against >= 73, on track");
        assertThat(on.zh()).isEqualTo("按 2021–2024 年 4 个数据线性外推（预测值，非实际结果）：2025 年约 73，目标 ≥ 73，有望达标");
        Outlook.Result off = Outlook.of("450721", FOUR, atLeast("75", 2025));
        assertThat(off.verdict()).isEqualTo(Verdict.OFF_TRACK);
        assertThat(off.why()).isNull();
        assertThat(off.en()).endsWith("against >= 75, off track");
        // TCM GPs per 10,000: 2021 0.30, 2023 0.40: b = 0.10 / 2 = 0.05; 2025: 0.40 + 2 · 0.05 = 0.50, inside 0.4–0.7.
        List<Point> gps = List.of(p(2021, "0.30"), p(2023, "0.40"));
        assertThat(Outlook.of("450721", gps, new Terms(Comparator.BETWEEN, new BigDecimal("0.4"), new BigDecimal("0.7"),
                2025, null)).verdict()).isEqualTo(Verdict.ON_TRACK);
        // ... and 0.50 is above a 0.2–0.45 band.
        Outlook.Result above = Outlook.of("450721", gps, new Terms(Comparator.BETWEEN, new BigDecimal("0.2"),
                new BigDecimal("0.45"), 2025, null));
        assertThat(above.verdict()).isEqualTo(Verdict.OFF_TRACK);
        assertThat(above.zh()).contains("目标 0.2–0.45");
        // 0.50 <= 0.5: met.
        assertThat(Outlook.of("450721", gps, new Terms(Comparator.AT_MOST, new BigDecimal("0.5"), null, 2025, null))
                .verdict()).isEqualTo(Verdict.ON_TRACK);
    }

    @Test
    void noProjectionAndWhy() {
        Outlook.Result one = Outlook.of("450721", List.of(p(2024, "70")), atLeast("75", 2025));
        assertThat(one.verdict()).isEqualTo(Verdict.NOT_PROJECTED);
        assertThat(one.why()).isEqualTo(Why.FEWER_THAN_TWO_VALUES);
        assertThat(one.fit()).isNull();
        assertThat(one.en()).isEqualTo("only 1 year(s) with a usable value (a line needs 2), so no projection");
        assertThat(Outlook.of("450721", List.of(), atLeast("75", 2025)).why()).isEqualTo(Why.FEWER_THAN_TWO_VALUES);
        assertThat(Outlook.of("450721", FOUR, null).why()).isEqualTo(Why.NO_TARGET);
        // The last value is 2024: a 2024 deadline is already reported, a 2023 one even more so.
        assertThat(Outlook.of("450721", FOUR, atLeast("75", 2024)).why()).isEqualTo(Why.DEADLINE_NOT_AFTER_DATA);
        assertThat(Outlook.of("450721", FOUR, atLeast("75", 2023)).why()).isEqualTo(Why.DEADLINE_NOT_AFTER_DATA);
        // A count set for the city as a whole is not projected for one of its counties, but is for the city.
        Terms cityCount = new Terms(Comparator.AT_LEAST, new BigDecimal("89"), null, 2025, "4507");
        Outlook.Result county = Outlook.of("450721", FOUR, cityCount);
        assertThat(county.why()).isEqualTo(Why.TARGET_OF_ANOTHER_DIVISION);
        assertThat(county.en()).isEqualTo("the target is set for 4507 as a whole, so this division is not projected");
        assertThat(Outlook.of("4507", FOUR, cityCount).verdict()).isEqualTo(Verdict.OFF_TRACK);   // 73 < 89
        assertThatThrownBy(() -> LinearTrend.fit(List.of(p(2021, "1"), p(2021, "2")), 2025))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
