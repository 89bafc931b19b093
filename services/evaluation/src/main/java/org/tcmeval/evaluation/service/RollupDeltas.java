package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tcmeval.engine.Tally;
import org.tcmeval.evaluation.service.Contributions.SumsKey;
import org.tcmeval.evaluation.service.Evaluator.Touch;
import org.tcmeval.support.persistence.BulkSql;

/**
 * The table {@code rollup_delta} (V10): what transactions add to the sums of divisions above the
 * county, and which of their results to re-judge, until {@link RollupDrain} folds it in. Insert-only
 * for everyone but the drain, so two polls never wait on each other for a city's or the province's
 * rows. {@code batch} is the writing transaction's id, which is what a scorecard counts as pending.
 */
final class RollupDeltas {

    private RollupDeltas() {
    }

    /** Divisions whose sums and results the drain keeps: cities, provinces (code shorter than a county's). */
    static boolean deferred(String division) {
        return division.length() < 6;
    }

    private static final String COLUMNS = "year, division_code, indicator_code, filter_key, numerator, denominator,"
            + " units, excluded, missing_facts, registry_population_units, batch";

    private static final String BATCH = "cast(cast(pg_current_xact_id() as text) as bigint)";

    /** Sums deltas of one year, in key order; all-zero ones are not written (as the county rows' upsert skips them). */
    static Uni<Void> add(int year, Map<SumsKey, Tally> deltas) {
        List<SumsKey> keys = new ArrayList<>();
        List<Tally> tallies = new ArrayList<>();
        deltas.forEach((k, t) -> {
            if (!t.equals(Tally.ZERO)) {
                keys.add(k);
                tallies.add(t);
            }
        });
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return BulkSql.executeColumns("insert into rollup_delta (" + COLUMNS + ") select r.*, " + BATCH + " from "
                + BulkSql.unnest("int", "text", "text", "text", "numeric", "numeric", "bigint", "bigint", "bigint",
                        "bigint") + " as r", 100_000, ContributionStore.withTallies(tallies,
                                keys.stream().map(k -> year).toArray(Integer[]::new),
                                keys.stream().map(SumsKey::division).toArray(String[]::new),
                                keys.stream().map(SumsKey::indicator).toArray(String[]::new),
                                keys.stream().map(SumsKey::filterKey).toArray(String[]::new))).replaceWithVoid();
    }

    /** Results to re-judge when the drain next runs, with nothing to add (filter_key null). */
    static Uni<Void> touch(Collection<Touch> touches) {
        if (touches.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Touch> t = List.copyOf(touches);
        return BulkSql.executeColumns("insert into rollup_delta (" + COLUMNS + ") select r.*, null, 0, 0, 0, 0, 0, 0, "
                + BATCH + " from " + BulkSql.unnest("int", "text", "text") + " as r", 100_000,
                t.stream().map(Touch::year).toArray(Integer[]::new),
                t.stream().map(Touch::division).toArray(String[]::new),
                t.stream().map(Touch::indicatorCode).toArray(String[]::new)).replaceWithVoid();
    }

    /**
     * Takes every delta of a province out of the table and adds it to its sums, in one statement; answers
     * the results to re-judge. Rows committed after the statement's snapshot stay for the next drain.
     * Groups summing to zero are not written, as a poll does not write a zero delta. In key order, as
     * the county rows are written: a deadlock needs two writers of the same rows in different orders.
     */
    static Uni<Set<Touch>> fold(String province) {
        String tally = "numerator, denominator, units, excluded, missing_facts, registry_population_units";
        String sql = "with folded as (delete from rollup_delta where division_code like :p returning year, division_code,"
                + " indicator_code, filter_key, " + tally + "),"
                + " summed as (insert into division_sums (division_code, indicator_code, year, filter_key, " + tally + ")"
                + " select division_code, indicator_code, year, filter_key, sum(numerator), sum(denominator), sum(units),"
                + " sum(excluded), sum(missing_facts), sum(registry_population_units) from folded"
                + " where filter_key is not null group by year, division_code, indicator_code, filter_key"
                + " having sum(numerator) <> 0 or sum(denominator) <> 0 or sum(units) <> 0 or sum(excluded) <> 0"
                + " or sum(missing_facts) <> 0 or sum(registry_population_units) <> 0"
                + " order by year, division_code, indicator_code, filter_key"
                + " on conflict (division_code, indicator_code, year, filter_key) do update set"
                + " numerator = division_sums.numerator + excluded.numerator,"
                + " denominator = division_sums.denominator + excluded.denominator,"
                + " units = division_sums.units + excluded.units, excluded = division_sums.excluded + excluded.excluded,"
                + " missing_facts = division_sums.missing_facts + excluded.missing_facts,"
                + " registry_population_units = division_sums.registry_population_units + excluded.registry_population_units)"
                + " select distinct year, division_code, indicator_code from folded";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("p", province + "%")
                .getResultList()).map(rows -> {
                    Set<Touch> touched = new TreeSet<>();
                    for (Object[] r : rows) {
                        touched.add(new Touch((String) r[1], (String) r[2], ((Number) r[0]).intValue()));
                    }
                    return touched;
                });
    }

    /** Provinces with deltas waiting, committed or not yet visible to others. */
    static Uni<List<String>> provinces() {
        return Panache.getSession().chain(s -> s.createNativeQuery("select distinct left(division_code, 2)"
                + " from rollup_delta", String.class).getResultList());
    }

    /** {@link #pending} for each year of a range that has any (years without are absent). */
    static Uni<java.util.Map<Integer, Long>> pendingByYear(String division, int from, int to) {
        if (!deferred(division)) {
            return Uni.createFrom().item(java.util.Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("select year, count(distinct batch) from rollup_delta"
                + " where division_code = :d and year between :f and :t group by year", Object[].class)
                .setParameter("d", division).setParameter("f", from).setParameter("t", to).getResultList())
                .map(rows -> {
                    java.util.Map<Integer, Long> m = new java.util.HashMap<>();
                    rows.forEach(r -> m.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue()));
                    return m;
                });
    }

    /**
     * {@link #pending} for the division and every city below it together: what a drill-down one level
     * down (a province's cities, a city's counties) shows can miss. 0 below the deferred levels.
     */
    static Uni<Long> pendingUnder(String division, int year) {
        if (!deferred(division)) {
            return Uni.createFrom().item(0L);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(distinct batch) from rollup_delta"
                + " where division_code collate \"C\" >= :from and division_code collate \"C\" < :to and year = :y",
                Long.class).setParameter("from", division).setParameter("to", division + ":").setParameter("y", year)
                .getSingleResult());
    }

    /**
     * Transactions whose deltas for the division are not in its sums and results yet: 0 means the
     * stored results count every committed report below it. Read in the caller's snapshot.
     */
    static Uni<Long> pending(String division, int year) {
        if (!deferred(division)) {
            return Uni.createFrom().item(0L);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(distinct batch) from rollup_delta"
                + " where division_code = :d and year = :y", Long.class).setParameter("d", division)
                .setParameter("y", year).getSingleResult());
    }
}
