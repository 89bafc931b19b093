package org.tcmeval.evaluation.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.Reporter;
import org.tcmeval.targets.TargetResolver;

/**
 * Replaces units' contributions (what each unit adds to its divisions' sums) for many units at
 * once: the arithmetic, plain Java ({@link #replace}), so that it runs without a database (a chosen
 * profile recomputes sums with it, from nothing). {@link ContributionStore} does the set-based reads
 * and writes around it.
 */
final class Contributions {

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
}
