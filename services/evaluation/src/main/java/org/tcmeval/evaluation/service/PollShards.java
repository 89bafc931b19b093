package org.tcmeval.evaluation.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits a poll's reports into shards applied as concurrent transactions. A unit (institution or
 * reporting division) is never in two shards, so no two transactions write one unit's
 * contributions, report refs or locks. Units are grouped by their county (the first six digits of
 * the report's division), and a county is in one shard: its sums and results, which every report
 * of the county adds to, are then written by one transaction, not waited for by the other. A unit
 * that moved counties since it reported may share a county's rows with the other shard; that costs
 * a lock wait, not correctness, as the additive upserts take their rows in key order.
 */
final class PollShards {

    private PollShards() {
    }

    /**
     * At most {@code shards} shards of at least {@code minPerShard} items each (one shard, the whole
     * poll, when it is smaller than two of them), balanced by size: counties largest first, each to
     * the smallest shard so far. Order within a shard is the poll's.
     */
    static <T> List<List<T>> split(Collection<T> items, Function<T, String> unit, Function<T, String> division,
            int shards, int minPerShard) {
        int n = Math.min(shards, items.size() / Math.max(1, minPerShard));
        if (n <= 1) {
            return List.of(List.copyOf(items));
        }
        Map<String, String> countyOfUnit = new LinkedHashMap<>();
        Map<String, Integer> sizeOfCounty = new LinkedHashMap<>();
        for (T item : items) {
            String county = countyOfUnit.computeIfAbsent(unit.apply(item), u -> county(division.apply(item)));
            sizeOfCounty.merge(county, 1, Integer::sum);
        }
        int[] load = new int[n];
        Map<String, Integer> shardOfCounty = new LinkedHashMap<>();
        sizeOfCounty.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    int lightest = 0;
                    for (int s = 1; s < n; s++) {
                        lightest = load[s] < load[lightest] ? s : lightest;
                    }
                    shardOfCounty.put(e.getKey(), lightest);
                    load[lightest] += e.getValue();
                });
        List<List<T>> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            out.add(new ArrayList<>());
        }
        for (T item : items) {
            out.get(shardOfCounty.get(countyOfUnit.get(unit.apply(item)))).add(item);
        }
        out.removeIf(List::isEmpty);
        return out;
    }

    private static String county(String division) {
        return division == null ? "" : division.substring(0, Math.min(6, division.length()));
    }
}
