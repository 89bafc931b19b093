package org.tcmeval.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The benches' percentiles, against values worked out by hand. */
class LatenciesTest {

    private static final long MS = 1_000_000;

    @Test
    void indexReadingTakesFloorOfQTimesN() {
        // 1..10 ms shuffled: index floor(0.5 * 10) = 5 -> 6 ms; floor(0.99 * 10) = 9 -> 10 ms.
        Latencies l = Latencies.of(List.of(7 * MS, 3 * MS, 10 * MS, 1 * MS, 6 * MS, 2 * MS, 9 * MS, 4 * MS, 8 * MS, 5 * MS));
        assertThat(l.count()).isEqualTo(10);
        assertThat(l.atMs(0.5)).isEqualTo(6.0);
        assertThat(l.atMs(0.99)).isEqualTo(10.0);
        assertThat(l.maxMs()).isEqualTo(10.0);
        // Five scorecard reads: the median is index 2 of 5.
        assertThat(Latencies.of(List.of(5 * MS, 1 * MS, 4 * MS, 2 * MS, 3 * MS)).atMs(0.5)).isEqualTo(3.0);
    }

    @Test
    void nearestRankTakesCeilOfPTimesN() {
        // 1..200 ms: p50 is rank 100 -> 100 ms, p95 rank 190, p99 rank 198; one value is every percentile.
        List<Long> nanos = new ArrayList<>(LongStream.rangeClosed(1, 200).map(i -> i * MS).boxed().toList());
        java.util.Collections.reverse(nanos);
        Latencies l = Latencies.of(nanos);
        assertThat(l.nearestRankMs(50)).isEqualTo(100.0);
        assertThat(l.nearestRankMs(95)).isEqualTo(190.0);
        assertThat(l.nearestRankMs(99)).isEqualTo(198.0);
        assertThat(Latencies.of(List.of(1_500_000L)).nearestRankMs(1)).isEqualTo(1.5);
        assertThat(Latencies.of(List.of(1_500_000L)).nearestRankMs(99)).isEqualTo(1.5);
    }

    @Test
    void theTwoReadingsDifferWhereTheBenchesDid() {
        // 1..4 ms: floor index 0.5*4 = 2 -> 3 ms (upper median); nearest rank ceil(0.5*4) = 2 -> 2 ms.
        Latencies l = Latencies.of(List.of(4 * MS, 2 * MS, 1 * MS, 3 * MS));
        assertThat(l.atMs(0.5)).isEqualTo(3.0);
        assertThat(l.nearestRankMs(50)).isEqualTo(2.0);
    }
}
