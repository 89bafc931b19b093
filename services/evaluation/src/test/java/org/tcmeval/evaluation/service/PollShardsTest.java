package org.tcmeval.evaluation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a poll's reports are split into concurrent transactions: by county, never splitting a unit. */
class PollShardsTest {

    /** A report: its unit (institution or division) and the division it was filed from. */
    record R(String unit, String division) {
    }

    static List<List<R>> split(List<R> reports, int shards, int min) {
        return PollShards.split(reports, R::unit, R::division, shards, min);
    }

    @Test
    void aPollSmallerThanTwoShardsStaysWhole() {
        List<R> reports = List.of(new R("a", "450102001"), new R("b", "450921001"), new R("c", "450103"));
        // 3 reports / at least 2 per shard = 1 shard.
        assertThat(split(reports, 2, 2)).containsExactly(reports);
        // One shard asked for: whole, however large.
        assertThat(split(reports, 1, 1)).containsExactly(reports);
    }

    @Test
    void countiesAreBalancedLargestFirstAndNeverSplit() {
        List<R> reports = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reports.add(new R("x" + i, "450102" + i));   // county 450102: 5 reports
        }
        for (int i = 0; i < 3; i++) {
            reports.add(new R("y" + i, "450921" + i));   // county 450921: 3
        }
        for (int i = 0; i < 2; i++) {
            reports.add(new R("z" + i, "451225" + i));   // county 451225: 2
        }
        List<List<R>> shards = split(reports, 2, 1);
        // Largest first to the lightest shard: 450102 (5) -> A; 450921 (3) -> B; 451225 (2) -> B (3 < 5).
        assertThat(shards).hasSize(2);
        assertThat(shards).extracting(List::size).containsExactlyInAnyOrder(5, 5);
        for (List<R> shard : shards) {
            assertThat(shard.stream().map(r -> r.division().substring(0, 6)).distinct().toList())
                    .isIn(List.of("450102"), List.of("450921", "451225"));
        }
    }

    @Test
    void aUnitThatMovedStaysInTheShardOfItsFirstReportAndOrderIsKept() {
        List<R> reports = List.of(new R("moved", "450102001"), new R("a", "450921001"), new R("moved", "450921002"),
                new R("b", "450921003"));
        List<List<R>> shards = split(reports, 2, 1);
        Map<String, Integer> shardOfUnit = new HashMap<>();
        for (int s = 0; s < shards.size(); s++) {
            for (R r : shards.get(s)) {
                Integer before = shardOfUnit.put(r.unit(), s);
                assertThat(before == null || before == s).as("unit %s in one shard", r.unit()).isTrue();
            }
        }
        // "moved" counts for 450102 (its first report): 450102 has 2 reports, 450921 has 2.
        List<R> withMoved = shards.get(shardOfUnit.get("moved"));
        assertThat(withMoved).containsExactly(new R("moved", "450102001"), new R("moved", "450921002"));
        assertThat(shards.stream().mapToInt(List::size).sum()).isEqualTo(4);
    }

    @Test
    void divisionReportsGoWithTheirOwnCode() {
        // A city report (4 digits) and a province report (2) are counties of their own for the split.
        List<R> reports = List.of(new R("4509", "4509"), new R("45", "45"), new R("c", "450921001"),
                new R("d", "450921002"));
        List<List<R>> shards = split(reports, 2, 1);
        assertThat(shards).hasSize(2);
        assertThat(shards.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(reports);
        assertThat(shards).anySatisfy(s -> assertThat(s).containsExactly(new R("c", "450921001"),
                new R("d", "450921002")));
    }
}
