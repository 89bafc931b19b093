package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tcmeval.engine.Contribution;
import org.tcmeval.engine.Divisions;
import org.tcmeval.engine.Engine;
import org.tcmeval.engine.Tally;
import org.tcmeval.engine.TargetInForce;
import org.tcmeval.engine.UnitFacts;
import org.tcmeval.engine.UnitFilter;
import org.tcmeval.evaluation.UnitContribution;
import org.tcmeval.evaluation.service.Evaluator.Touch;
import org.tcmeval.evaluation.service.Evaluator.Unit;
import org.tcmeval.support.persistence.BulkSql;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.Reporter;
import org.tcmeval.targets.TargetResolver;

/**
 * Replaces units' contributions (what each unit adds to its divisions' sums) for many units at
 * once, set-based: one read of what they held, one delete, one upsert and one additive upsert of
 * the county sums for a whole batch, whatever its size (what it adds above the county goes to
 * {@link RollupDeltas}). The arithmetic is plain Java ({@link #replace});
 * only the reads and writes touch the database. Runs in the caller's transaction.
 */
final class Contributions {

    private static final int CHUNK = 5_000;

    private Contributions() {
    }

    /** One unit's figures that count for a year (empty: the unit counts for nothing now). */
    record Work(Unit unit, int year, Optional<Map<String, BigDecimal>> counted) {
    }

    /** A contribution as stored: the tally and the divisions whose sums hold it. */
    record Held(UnitContribution.Key key, Tally tally, List<String> divisions) {
    }

    record SumsKey(String division, String indicator, String filterKey) implements Comparable<SumsKey> {
        @Override
        public int compareTo(SumsKey o) {
            int c = division.compareTo(o.division);
            c = c != 0 ? c : indicator.compareTo(o.indicator);
            return c != 0 ? c : filterKey.compareTo(o.filterKey);
        }
    }

    private static final java.util.regex.Pattern COUNTY_CODE = java.util.regex.Pattern.compile("\\d{6}");

    record FilterAt(int year, String division, String indicator) {
    }

    /** A unit filter with its key written out once: the key is the condition described, a string built per call. */
    record Filtered(UnitFilter filter, String key) {
    }

    /**
     * What a batch changes: sums deltas per year, contributions to drop and to write, results to
     * re-judge. Hashed while a batch adds to them (each report adds to ~20 sums) and put in key order
     * once, where the writes need it: the sorted maps' string comparisons were ~5% of a burst's CPU.
     */
    static final class Changes {
        final Map<Integer, Map<SumsKey, Tally>> deltas = new HashMap<>();
        final Set<Touch> touched = new HashSet<>();
        final List<UnitContribution.Key> dropped = new ArrayList<>();
        final List<Held> written = new ArrayList<>();
        /** The unit filter in force per year, division and indicator: the same for every unit of a batch. */
        final Map<FilterAt, Filtered> filters = new HashMap<>();

        void add(int year, SumsKey key, Tally t) {
            deltas.computeIfAbsent(year, y -> new HashMap<>()).merge(key, t, Tally::plus);
            touched.add(new Touch(key.division(), key.indicator(), year));
        }
    }

    /**
     * Applies every unit's work: reads what the units held, computes the replacement in memory and
     * writes the difference. {@code resolvers} holds the targets in force for each year of the work.
     */
    static Uni<Set<Touch>> applyAll(List<Work> work, Map<Integer, TargetResolver> resolvers,
            Map<Integer, Map<String, Long>> residents) {
        if (work.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> units = work.stream().map(w -> w.unit().id()).distinct().toList();
        List<Integer> years = work.stream().map(Work::year).distinct().toList();
        return held(units, years).chain(held -> {
            Changes changes = new Changes();
            for (Work w : work) {
                List<Held> old = held.getOrDefault(w.unit().id() + "/" + w.year(), List.of());
                Long registry = w.unit().reporter() == Reporter.INSTITUTION ? null
                        : residents.getOrDefault(w.year(), Map.of()).get(w.unit().ownDivision());
                replace(w, old, resolvers.get(w.year()), registry, changes);
            }
            return write(changes).replaceWith(new TreeSet<>(changes.touched));
        });
    }

    private static Uni<Map<String, List<Held>>> held(List<String> units, List<Integer> years) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select unit_id, indicator_code, year, filter_key,"
                        + " divisions, numerator, denominator, units, excluded, missing_facts, registry_population_units"
                        + " from unit_contribution where unit_id = any(cast(:u as text[])) and year = any(cast(:y as int[]))",
                        Object[].class)
                .setParameter("u", EvaluationService.texts(units)).setParameter("y", years.toArray(Integer[]::new))
                .getResultList())
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
     * Replaces one unit's contributions for a year: the old ones out of exactly the sums that hold
     * them, the new ones (one per indicator and unit filter in force along the roll-up chain) in.
     */
    static void replace(Work w, List<Held> old, TargetResolver resolver, Long residents, Changes changes) {
        Unit u = w.unit();
        int year = w.year();
        for (Held c : old) {
            for (String d : c.divisions()) {
                changes.add(year, new SumsKey(d, c.key().indicatorCode(), c.key().filterKey()),
                        Tally.ZERO.minus(c.tally()));
            }
        }
        Map<UnitContribution.Key, Held> now = new LinkedHashMap<>();
        // The unit's facts depend on the indicator only through who reports it: built once per reporter
        // kind, not once per indicator (each a copy of every figure).
        Map<Reporter, UnitFacts> factsByReporter = new java.util.EnumMap<>(Reporter.class);
        if (w.counted().isPresent()) {
            boolean inCounty = u.countyCode() != null && COUNTY_CODE.matcher(u.countyCode()).matches();
            List<String> chain = inCounty ? Divisions.rollUpChain(u.countyCode()) : List.of();
            for (IndicatorDefinition i : indicatorsOf(u)) {
                if (i.reporter() != Reporter.JURISDICTION && !inCounty) {
                    continue;
                }
                List<String> divisions = i.reporter() == Reporter.JURISDICTION ? List.of(u.ownDivision()) : chain;
                Map<String, UnitFilter> filters = new LinkedHashMap<>();
                Map<String, List<String>> byKey = new LinkedHashMap<>();
                for (String d : divisions) {
                    Filtered f = changes.filters.computeIfAbsent(new FilterAt(year, d, i.code()), k -> {
                        UnitFilter uf = Engine.unitFilter(i, TargetInForce.resolve(resolver, d, i.code())
                                .map(TargetInForce::target).orElse(null));
                        return new Filtered(uf, uf.key());
                    });
                    filters.putIfAbsent(f.key(), f.filter());
                    byKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(d);
                }
                UnitFacts facts = factsByReporter.computeIfAbsent(i.reporter(),
                        r -> factsOf(u, i, w.counted().get(), residents));
                for (var g : byKey.entrySet()) {
                    Optional<Contribution> c = Engine.contribution(i, filters.get(g.getKey()), facts);
                    if (c.isPresent()) {
                        UnitContribution.Key key = new UnitContribution.Key(u.id(), i.code(), year, g.getKey());
                        now.put(key, new Held(key, c.get().tally(), g.getValue()));
                        for (String d : g.getValue()) {
                            changes.add(year, new SumsKey(d, i.code(), g.getKey()), c.get().tally());
                        }
                    }
                }
            }
        }
        if (u.reporter() != Reporter.INSTITUTION) {
            // The division's own figures changed: any of its results may read them (conditions, row 18).
            for (IndicatorDefinition i : Indicators.ALL) {
                changes.touched.add(new Touch(u.ownDivision(), i.code(), year));
            }
        }
        Map<UnitContribution.Key, Held> oldByKey = new HashMap<>();
        old.forEach(c -> oldByKey.put(c.key(), c));
        old.stream().filter(c -> !now.containsKey(c.key())).forEach(c -> changes.dropped.add(c.key()));
        for (Held h : now.values()) {
            Held was = oldByKey.get(h.key());
            if (was == null || !was.tally().equals(h.tally()) || !was.divisions().equals(h.divisions())) {
                changes.written.add(h);
            }
        }
    }

    static List<IndicatorDefinition> indicatorsOf(Unit u) {
        return switch (u.reporter()) {
            case INSTITUTION -> Engine.applicableIndicators(u.type());
            case COUNTY -> {
                List<IndicatorDefinition> all = new ArrayList<>(Engine.applicableIndicators(Reporter.COUNTY));
                all.addAll(Engine.applicableIndicators(Reporter.JURISDICTION));
                yield all;
            }
            case JURISDICTION -> Engine.applicableIndicators(Reporter.JURISDICTION);
        };
    }

    /** {@code residents}: the registry's population of a division unit's own division, or null. */
    private static UnitFacts factsOf(Unit u, IndicatorDefinition i, Map<String, BigDecimal> figures, Long residents) {
        return switch (i.reporter()) {
            case INSTITUTION -> {
                Map<String, BigDecimal> facts = new HashMap<>(figures);
                if (u.grade() != null) {
                    facts.put(HospitalGrade.FACT, BigDecimal.valueOf(u.grade().rank()));   // the registry's grade wins
                }
                yield UnitFacts.institution(u.type(), facts);
            }
            case COUNTY -> new UnitFacts(Reporter.COUNTY, null, figures, residents);
            case JURISDICTION -> new UnitFacts(Reporter.JURISDICTION, null, figures, residents);
        };
    }

    private static Uni<Void> write(Changes changes) {
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
            chain = chain.chain(() -> BulkSql.executeColumns("delete from unit_contribution c using "
                    + BulkSql.unnest("text", "text", "int", "text") + " as r(unit_id, indicator_code, year, filter_key)"
                    + " where c.unit_id = r.unit_id and c.indicator_code = r.indicator_code and c.year = r.year"
                    + " and c.filter_key = r.filter_key", CHUNK,
                    d.stream().map(UnitContribution.Key::unitId).toArray(String[]::new),
                    d.stream().map(UnitContribution.Key::indicatorCode).toArray(String[]::new),
                    d.stream().map(UnitContribution.Key::year).toArray(Integer[]::new),
                    d.stream().map(UnitContribution.Key::filterKey).toArray(String[]::new)));
        }
        if (!changes.written.isEmpty()) {
            List<Held> w = changes.written;
            chain = chain.chain(() -> BulkSql.executeColumns("insert into unit_contribution (unit_id, indicator_code,"
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
                            w.stream().map(h -> String.join(",", h.divisions())).toArray(String[]::new))));
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
