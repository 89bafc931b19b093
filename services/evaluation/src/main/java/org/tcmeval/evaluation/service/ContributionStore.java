package org.tcmeval.evaluation.service;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tcmeval.engine.Tally;
import org.tcmeval.evaluation.UnitContribution;
import org.tcmeval.evaluation.service.Contributions.Changes;
import org.tcmeval.evaluation.service.Contributions.Held;
import org.tcmeval.evaluation.service.Contributions.SumsKey;
import org.tcmeval.evaluation.service.Contributions.Work;
import org.tcmeval.evaluation.service.Evaluator.Touch;
import org.tcmeval.support.persistence.BulkSql;
import org.tcmeval.support.persistence.Pipeline;
import org.tcmeval.support.persistence.SessionSql;
import org.tcmeval.targets.Reporter;
import org.tcmeval.targets.TargetResolver;

/**
 * The set-based reads and writes of units' contributions: one read of what a batch's units held,
 * one delete, one upsert and one additive upsert of the county sums for a whole batch, whatever its
 * size (what it adds above the county goes to {@link RollupDeltas}). The arithmetic between the
 * read and the writes is {@link Contributions}'s plain Java. Runs in the caller's transaction.
 */
final class ContributionStore {

    private static final int CHUNK = 5_000;

    private ContributionStore() {
    }

    /**
     * Applies every unit's work: reads what the units held, computes the replacement in memory and
     * writes the difference. {@code resolvers} holds the targets in force for each year of the work.
     */
    static Uni<Set<Touch>> applyAll(List<Work> work, Map<Integer, TargetResolver> resolvers,
            Map<Integer, Map<String, Long>> residents, Pipeline pipeline) {
        if (work.isEmpty()) {
            pipeline.send();
            return Uni.createFrom().item(Set.of());
        }
        List<String> units = work.stream().map(w -> w.unit().id()).distinct().toList();
        List<Integer> years = work.stream().map(Work::year).distinct().toList();
        return pipeline.behind(held(units, years)).chain(held -> {
            Changes changes = new Changes();
            for (Work w : work) {
                List<Held> old = held.getOrDefault(w.unit().id() + "/" + w.year(), List.of());
                Long registry = w.unit().reporter() == Reporter.INSTITUTION ? null
                        : residents.getOrDefault(w.year(), Map.of()).get(w.unit().ownDivision());
                Contributions.replace(w, old, resolvers.get(w.year()), registry, changes);
            }
            return write(changes, pipeline).replaceWith(new TreeSet<>(changes.touched));
        });
    }

    private static Uni<Map<String, List<Held>>> held(List<String> units, List<Integer> years) {
        return SessionSql.select("select unit_id, indicator_code, year, filter_key, divisions, numerator, denominator,"
                        + " units, excluded, missing_facts, registry_population_units from unit_contribution"
                        + " where unit_id = any($1::text[]) and year = any($2::int[])",
                        EvaluationService.texts(units), years.toArray(Integer[]::new))
                .map(rows -> {
                    Map<String, List<Held>> m = new HashMap<>();
                    for (Object[] r : rows) {
                        int year = ((Number) r[2]).intValue();
                        Held h = new Held(new UnitContribution.Key((String) r[0], (String) r[1], year, (String) r[3]),
                                new Tally((BigDecimal) r[5], (BigDecimal) r[6], ((Number) r[7]).longValue(),
                                        ((Number) r[8]).longValue(), ((Number) r[9]).longValue(),
                                        ((Number) r[10]).longValue()),
                                Arrays.asList(((String) r[4]).split(",")));
                        m.computeIfAbsent(r[0] + "/" + year, k -> new ArrayList<>()).add(h);
                    }
                    return m;
                });
    }

    /**
     * Writes the sums now (judging reads them next) and queues the contributions' delete and upsert on
     * {@code pipeline}: nothing later in the transaction reads them, so they run while the service judges.
     */
    private static Uni<Void> write(Changes changes, Pipeline pipeline) {
        List<Object[]> sums = new ArrayList<>();
        Map<Integer, Map<SumsKey, Tally>> above = new TreeMap<>();
        new TreeMap<>(changes.deltas).forEach((year, deltas) -> new TreeMap<>(deltas).forEach((k, t) -> {
            if (RollupDeltas.deferred(k.division())) {
                // A city's or the province's rows: every poll would wait on them (see RollupDrain).
                above.computeIfAbsent(year, y -> new TreeMap<>()).put(k, t);
            } else if (!t.equals(Tally.ZERO)) {
                sums.add(new Object[] {k.division(), k.indicator(), year, k.filterKey(), t});
            }
        }));
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (var e : above.entrySet()) {
            chain = chain.chain(() -> RollupDeltas.add(e.getKey(), e.getValue()).replaceWith(0));
        }
        if (!changes.dropped.isEmpty()) {
            List<UnitContribution.Key> d = changes.dropped;
            pipeline.queue("delete from unit_contribution c using "
                    + BulkSql.unnest("text", "text", "int", "text") + " as r(unit_id, indicator_code, year, filter_key)"
                    + " where c.unit_id = r.unit_id and c.indicator_code = r.indicator_code and c.year = r.year"
                    + " and c.filter_key = r.filter_key", CHUNK,
                    d.stream().map(UnitContribution.Key::unitId).toArray(String[]::new),
                    d.stream().map(UnitContribution.Key::indicatorCode).toArray(String[]::new),
                    d.stream().map(UnitContribution.Key::year).toArray(Integer[]::new),
                    d.stream().map(UnitContribution.Key::filterKey).toArray(String[]::new));
        }
        if (!changes.written.isEmpty()) {
            List<Held> w = changes.written;
            pipeline.queue("insert into unit_contribution (unit_id, indicator_code,"
                    + " year, filter_key, divisions, " + TALLY_COLUMNS + ") select * from "
                    + BulkSql.unnest("text", "text", "int", "text", "text", "numeric", "numeric", "bigint", "bigint",
                            "bigint", "bigint")
                    + " on conflict (unit_id, indicator_code, year, filter_key) do update set divisions = excluded.divisions,"
                    + " numerator = excluded.numerator, denominator = excluded.denominator, units = excluded.units,"
                    + " excluded = excluded.excluded, missing_facts = excluded.missing_facts,"
                    + " registry_population_units = excluded.registry_population_units", CHUNK, withTallies(
                            w.stream().map(h -> h.tally()).toList(),
                            w.stream().map(h -> h.key().unitId()).toArray(String[]::new),
                            w.stream().map(h -> h.key().indicatorCode()).toArray(String[]::new),
                            w.stream().map(h -> h.key().year()).toArray(Integer[]::new),
                            w.stream().map(h -> h.key().filterKey()).toArray(String[]::new),
                            w.stream().map(h -> String.join(",", h.divisions())).toArray(String[]::new)));
        }
        if (!sums.isEmpty()) {
            // In key order (the rows arrive sorted), so two transactions adding to the same sums lock
            // them in the same order and never deadlock.
            chain = chain.chain(() -> BulkSql.executeColumns("insert into division_sums (division_code, indicator_code,"
                    + " year, filter_key, " + TALLY_COLUMNS + ") select * from "
                    + BulkSql.unnest("text", "text", "int", "text", "numeric", "numeric", "bigint", "bigint", "bigint",
                            "bigint")
                    + " as r(division_code, indicator_code, year, filter_key, " + TALLY_COLUMNS + ")"
                    + " order by year, division_code, indicator_code, filter_key"
                    + " on conflict (division_code, indicator_code, year, filter_key) do update set"
                    + " numerator = division_sums.numerator + excluded.numerator,"
                    + " denominator = division_sums.denominator + excluded.denominator,"
                    + " units = division_sums.units + excluded.units,"
                    + " excluded = division_sums.excluded + excluded.excluded,"
                    + " missing_facts = division_sums.missing_facts + excluded.missing_facts,"
                    + " registry_population_units = division_sums.registry_population_units"
                    + " + excluded.registry_population_units", 100_000, withTallies(
                            sums.stream().map(r -> (Tally) r[4]).toList(),
                            sums.stream().map(r -> (String) r[0]).toArray(String[]::new),
                            sums.stream().map(r -> (String) r[1]).toArray(String[]::new),
                            sums.stream().map(r -> (Integer) r[2]).toArray(Integer[]::new),
                            sums.stream().map(r -> (String) r[3]).toArray(String[]::new))));
        }
        return chain.replaceWithVoid();
    }

    private static final String TALLY_COLUMNS = "numerator, denominator, units, excluded, missing_facts,"
            + " registry_population_units";

    /** {@code leading} columns followed by the six tally columns of {@code tallies}, row for row. */
    static Object[][] withTallies(List<Tally> tallies, Object[]... leading) {
        Object[][] columns = Arrays.copyOf(leading, leading.length + 6);
        columns[leading.length] = tallies.stream().map(Tally::numerator).toArray(BigDecimal[]::new);
        columns[leading.length + 1] = tallies.stream().map(Tally::denominator).toArray(BigDecimal[]::new);
        columns[leading.length + 2] = tallies.stream().map(Tally::units).toArray(Long[]::new);
        columns[leading.length + 3] = tallies.stream().map(Tally::excluded).toArray(Long[]::new);
        columns[leading.length + 4] = tallies.stream().map(Tally::missingFacts).toArray(Long[]::new);
        columns[leading.length + 5] = tallies.stream().map(Tally::registryPopulationUnits).toArray(Long[]::new);
        return columns;
    }
}
