package org.tcmeval.evaluation.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcmeval.evaluation.supervision.SupervisionDraw.Candidate;
import org.tcmeval.evaluation.supervision.SupervisionDraw.Draw;
import org.tcmeval.evaluation.supervision.SupervisionDraw.Pick;
import org.tcmeval.evaluation.supervision.SupervisionDraw.Reason;

class SupervisionDrawTest {

    static final BigDecimal SIXTY = new BigDecimal("0.6");

    @Test
    void quotaRoundsUp() {
        assertThat(SupervisionDraw.quota(SIXTY, 5)).isEqualTo(3);    // 0.6 · 5 = 3.0 exactly
        assertThat(SupervisionDraw.quota(SIXTY, 7)).isEqualTo(5);    // 0.6 · 7 = 4.2 → 5
        assertThat(SupervisionDraw.quota(SIXTY, 1)).isEqualTo(1);    // 0.6 → 1
        assertThat(SupervisionDraw.quota(SIXTY, 0)).isZero();
        assertThat(SupervisionDraw.quota(BigDecimal.ONE, 13)).isEqualTo(13);
        assertThatThrownBy(() -> SupervisionDraw.quota(new BigDecimal("1.1"), 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theArithmeticIsTheDocumentedOne() {
        // FNV-1a-64 test vectors (Fowler/Noll/Vo reference suite).
        assertThat(SupervisionDraw.fnv1a64("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(SupervisionDraw.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(SupervisionDraw.fnv1a64("foobar")).isEqualTo(0x85944171f73967e8L);
        // A seed equal to the id's hash leaves state 0, whose first SplitMix64 output is the reference 0xe220a8397b1dcdaf.
        assertThat(SupervisionDraw.drawNumber(SupervisionDraw.fnv1a64("a"), "a")).isEqualTo(0xe220a8397b1dcdafL);
        // The default seed fits a JSON number exactly and is the hash of "division:year".
        long seed = SupervisionDraw.defaultSeed("4501", 2004);
        assertThat(seed).isBetween(0L, SupervisionDraw.MAX_SEED);
        assertThat(seed).isEqualTo(SupervisionDraw.fnv1a64("4501:2004") & ((1L << 53) - 1));
    }

    @Test
    void worstGapsTakePlacesFirstThenTheDraw() {
        List<Candidate> five = List.of(new Candidate("150102", 3, 10), new Candidate("150103", 2, 10),
                new Candidate("150104", 0, 10), new Candidate("150202", 0, 10), new Candidate("150203", 0, 0));
        Draw d = SupervisionDraw.draw(five, SIXTY, 42);
        // ⌈0.6 · 5⌉ = 3: the two counties with gaps, then the lowest draw number of the three without.
        assertThat(d.quota()).isEqualTo(3);
        assertThat(d.worstGapPlaces()).isEqualTo(2);
        assertThat(d.drawnPlaces()).isEqualTo(1);
        assertThat(d.chosen()).extracting(p -> p.candidate().id()).startsWith("150102", "150103");
        assertThat(d.chosen()).extracting(Pick::reason).containsExactly(Reason.WORST_GAP, Reason.WORST_GAP, Reason.DRAWN);
        assertThat(d.chosen()).extracting(Pick::rank).containsExactly(1, 2, 3);
        String lowest = List.of("150104", "150202", "150203").stream()
                .min((a, b) -> Long.compareUnsigned(SupervisionDraw.drawNumber(42, a), SupervisionDraw.drawNumber(42, b)))
                .orElseThrow();
        assertThat(d.chosen().get(2).candidate().id()).isEqualTo(lowest);
        assertThat(d.chosen().get(0).tieBrokenByDraw()).isFalse();
        // The same seed in any input order chooses the same; some other seed chooses another drawn county.
        List<Candidate> shuffled = new ArrayList<>(five);
        Collections.reverse(shuffled);
        assertThat(SupervisionDraw.draw(shuffled, SIXTY, 42)).isEqualTo(d);
        assertThat(java.util.stream.LongStream.range(0, 50).mapToObj(s -> SupervisionDraw.draw(five, SIXTY, s)
                .chosen().get(2).candidate().id()).distinct().count()).isGreaterThan(1);
    }

    @Test
    void aTieAtTheLastWorstPlaceIsDrawnAndSaidSo() {
        List<Candidate> c = List.of(new Candidate("a", 2, 5), new Candidate("b", 1, 5), new Candidate("c", 1, 5),
                new Candidate("d", 0, 5));
        // ⌈0.4 · 4⌉ = ⌈1.6⌉ = 2: "a", then whichever of b and c draws lower.
        Draw d = SupervisionDraw.draw(c, new BigDecimal("0.4"), 7);
        String second = Long.compareUnsigned(SupervisionDraw.drawNumber(7, "b"), SupervisionDraw.drawNumber(7, "c")) < 0
                ? "b" : "c";
        assertThat(d.chosen()).extracting(p -> p.candidate().id()).containsExactly("a", second);
        assertThat(d.chosen().get(1).tieBrokenByDraw()).isTrue();
        assertThat(PickReasons.en(d.chosen().get(1), UnitKind.INSTITUTION, 7))
                .isEqualTo("worst gaps first: fails 1 per-unit rule; ties broken by the draw (seed 7)");
        assertThat(PickReasons.zh(d.chosen().get(1), UnitKind.INSTITUTION, 7))
                .isEqualTo("差距优先：1 项单位达标规则未满足；同等差距者按抽签取舍（种子 7）");
    }

    @Test
    void aShareOfOneTakesEveryUnitWorstFirst() {
        Draw d = SupervisionDraw.draw(List.of(new Candidate("1502", 0, 4), new Candidate("1501", 3, 4)), BigDecimal.ONE, 1);
        assertThat(d.chosen()).extracting(p -> p.candidate().id()).containsExactly("1501", "1502");
        assertThat(d.chosen()).extracting(Pick::reason).containsOnly(Reason.ALL_REQUIRED);
        assertThat(d.drawnPlaces()).isZero();
        assertThat(PickReasons.zh(d.chosen().get(0), UnitKind.CITY, 1)).isEqualTo("全覆盖：每个市均须督导；3 项指标未达标（已存储结果）");
        assertThat(PickReasons.en(d.chosen().get(0), UnitKind.CITY, 1))
                .isEqualTo("every city is supervised; 3 indicators NOT_MET in the stored results");
        assertThat(PickReasons.en(d.chosen().get(1), UnitKind.CITY, 1)).isEqualTo("every city is supervised");
        Pick drawn = SupervisionDraw.draw(List.of(new Candidate("x", 0, 0)), SIXTY, 5).chosen().get(0);
        assertThat(PickReasons.en(drawn, UnitKind.COUNTY, 5)).isEqualTo("drawn at random: seed 5, draw number "
                + String.format("%016x", SupervisionDraw.drawNumber(5, "x")));
    }
}
