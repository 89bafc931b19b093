package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tcmeval.directory.InstitutionRef;
import org.tcmeval.directory.InstitutionRefRepository;
import org.tcmeval.engine.Contribution;
import org.tcmeval.engine.DivisionFacts;
import org.tcmeval.engine.Divisions;
import org.tcmeval.engine.Engine;
import org.tcmeval.engine.Judgement;
import org.tcmeval.engine.Sums;
import org.tcmeval.engine.Tally;
import org.tcmeval.engine.TargetInForce;
import org.tcmeval.engine.UnitFacts;
import org.tcmeval.engine.UnitFilter;
import org.tcmeval.evaluation.Counting;
import org.tcmeval.evaluation.EvaluationConfig;
import org.tcmeval.evaluation.ReportRef;
import org.tcmeval.evaluation.Scoring;
import org.tcmeval.evaluation.UnitContribution;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.Reporter;
import org.tcmeval.targets.TargetResolver;

/**
 * Drives the evaluation engine incrementally: replaces one unit's contributions in the sums of the
 * divisions it rolls into (never a rescan), and judges a division's sums. Runs inside the caller's
 * transaction.
 */
@ApplicationScoped
public class Evaluator {

    @Inject
    EvaluationConfig config;

    @Inject
    InstitutionRefRepository institutions;

    @Inject
    TargetCatalog catalog;

    @Inject
    ResultPublisher results;

    @Inject
    DivisionPopulations populations;

    Engine engine;

    @PostConstruct
    void init() {
        engine = new Engine(config.minimumCompletenessPercent());
    }

    /** A division and indicator whose result may have changed. */
    public record Touch(String division, String indicatorCode, int year) implements Comparable<Touch> {
        @Override
        public int compareTo(Touch o) {
            int c = Integer.compare(year, o.year);
            c = c != 0 ? c : division.compareTo(o.division);
            return c != 0 ? c : indicatorCode.compareTo(o.indicatorCode);
        }
    }

    /** The unit a report belongs to, as the engine reads it. */
    record Unit(String id, Reporter reporter, InstitutionType type, HospitalGrade grade, String countyCode,
            String ownDivision) {
    }

    /** A judgement, and why evaluation cannot compute the indicator at all, if it cannot. */
    public record Evaluation(Judgement judgement, Optional<String> notComputed) {
    }

    private record SumsKey(String division, String indicator, String filterKey) implements Comparable<SumsKey> {
        @Override
        public int compareTo(SumsKey o) {
            int c = division.compareTo(o.division);
            c = c != 0 ? c : indicator.compareTo(o.indicator);
            return c != 0 ? c : filterKey.compareTo(o.filterKey);
        }
    }

    /** Applies the report's counting figures (or their absence) and judges what changed. */
    public Uni<Void> applyAndJudge(ReportRef report) {
        if (!report.isAnnual()) {
            return Uni.createFrom().voidItem();
        }
        return unitOf(report).chain(unit -> {
            if (unit.isEmpty()) {
                return Uni.createFrom().voidItem();   // institution not known yet: applied when it arrives
            }
            report.countyCode = unit.get().countyCode();
            Optional<Map<String, BigDecimal>> counted = Counting.counted(config.counting(), report);
            return catalog.resolver(report.year).chain(resolver -> apply(unit.get(), report.year, counted, resolver)
                    .chain(this::judgeAll));
        });
    }

    private Uni<Optional<Unit>> unitOf(ReportRef r) {
        return switch (r.reporterKind) {
            case "INSTITUTION" -> lockInstitution(r.institutionId)
                    .chain(() -> Panache.getSession()).chain(s -> s.find(InstitutionRef.class, r.institutionId))
                    .map(inst -> inst == null || inst.type == null || inst.countyCode == null ? Optional.empty()
                            : Optional.of(new Unit(inst.id.toString(), Reporter.INSTITUTION, inst.type, inst.grade,
                                    inst.countyCode, inst.countyCode)));
            case "COUNTY" -> Uni.createFrom().item(Optional.of(
                    new Unit(r.unitId, Reporter.COUNTY, null, null, r.unitId, r.unitId)));
            default -> Uni.createFrom().item(Optional.of(
                    new Unit(r.unitId, Reporter.JURISDICTION, null, null, null, r.unitId)));
        };
    }

    /**
     * Serialises the report path and the institution path for one institution until the end of the
     * transaction. Without it, a report and its institution arriving together each miss the other's
     * uncommitted row and the report is never applied.
     */
    public static Uni<Void> lockInstitution(java.util.UUID institutionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(hashtext(:k))) l", Integer.class)
                .setParameter("k", "institution:" + institutionId).getResultList()).replaceWithVoid();
    }

    private static List<IndicatorDefinition> indicatorsOf(Unit u) {
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

    /**
     * Replaces the unit's contributions for {@code year}: the old ones out of exactly the sums that
     * hold them, the new ones (one per indicator and filter key in force along the roll-up chain) in.
     *
     * @return the divisions and indicators whose sums or figures changed
     */
    Uni<Set<Touch>> apply(Unit u, int year, Optional<Map<String, BigDecimal>> counted, TargetResolver resolver) {
        // The registry's residents of the unit's own division, read (and locked) first: see DivisionPopulations.
        Uni<Long> registry = u.reporter() == Reporter.INSTITUTION ? Uni.createFrom().nullItem()
                : populations.residents(u.ownDivision(), year);
        return registry.chain(residents -> UnitContribution.<UnitContribution>list("key.unitId = ?1 and key.year = ?2",
                u.id(), year).chain(old -> {
            Map<SumsKey, Tally> deltas = new TreeMap<>();
            Set<Touch> touched = new TreeSet<>();
            for (UnitContribution c : old) {
                for (String d : c.divisionList()) {
                    deltas.merge(new SumsKey(d, c.key.indicatorCode(), c.key.filterKey()), Tally.ZERO.minus(c.tally()),
                            Tally::plus);
                    touched.add(new Touch(d, c.key.indicatorCode(), year));
                }
            }
            Map<UnitContribution.Key, Map.Entry<Tally, List<String>>> now = new LinkedHashMap<>();
            if (counted.isPresent()) {
                for (IndicatorDefinition i : indicatorsOf(u)) {
                    if (i.reporter() != Reporter.JURISDICTION && (u.countyCode() == null
                            || !u.countyCode().matches("\\d{6}"))) {
                        continue;
                    }
                    List<String> divisions = i.reporter() == Reporter.JURISDICTION ? List.of(u.ownDivision())
                            : Divisions.rollUpChain(u.countyCode());
                    Map<String, UnitFilter> filters = new LinkedHashMap<>();
                    Map<String, List<String>> byKey = new LinkedHashMap<>();
                    for (String d : divisions) {
                        UnitFilter f = Engine.unitFilter(i, TargetInForce.resolve(resolver, d, i.code())
                                .map(TargetInForce::target).orElse(null));
                        filters.putIfAbsent(f.key(), f);
                        byKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(d);
                    }
                    UnitFacts facts = factsOf(u, i, counted.get(), residents);
                    for (var g : byKey.entrySet()) {
                        Optional<Contribution> c = Engine.contribution(i, filters.get(g.getKey()), facts);
                        if (c.isEmpty()) {
                            continue;
                        }
                        now.put(new UnitContribution.Key(u.id(), i.code(), year, g.getKey()),
                                Map.entry(c.get().tally(), g.getValue()));
                        for (String d : g.getValue()) {
                            deltas.merge(new SumsKey(d, i.code(), g.getKey()), c.get().tally(), Tally::plus);
                            touched.add(new Touch(d, i.code(), year));
                        }
                    }
                }
            }
            if (u.reporter() != Reporter.INSTITUTION) {
                // The division's own figures changed: any of its results may read them (conditions, row 18).
                for (IndicatorDefinition i : Indicators.ALL) {
                    touched.add(new Touch(u.ownDivision(), i.code(), year));
                }
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            Map<UnitContribution.Key, UnitContribution> oldByKey = new HashMap<>();
            old.forEach(c -> oldByKey.put(c.key, c));
            for (UnitContribution c : old) {
                if (!now.containsKey(c.key)) {
                    chain = chain.chain(() -> c.delete());
                }
            }
            for (var e : now.entrySet()) {
                UnitContribution row = oldByKey.get(e.getKey());
                if (row != null && row.tally().equals(e.getValue().getKey())
                        && row.divisionList().equals(e.getValue().getValue())) {
                    continue;
                }
                UnitContribution target = row == null ? new UnitContribution() : row;
                target.key = e.getKey();
                target.set(e.getValue().getKey(), e.getValue().getValue());
                chain = chain.chain(() -> target.persist().replaceWithVoid());
            }
            Map<SumsKey, Tally> nonZero = new TreeMap<>();
            deltas.forEach((k, t) -> {
                if (!t.equals(Tally.ZERO)) {
                    nonZero.put(k, t);
                }
            });
            return chain.chain(() -> addToSums(nonZero, year)).replaceWith(touched);
        }));
    }

    /**
     * Adds every delta in one statement (an additive multi-row upsert), in key order so that two
     * transactions touching the same sums lock them in the same order.
     */
    private static Uni<Void> addToSums(Map<SumsKey, Tally> deltas, int year) {
        if (deltas.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder("insert into division_sums (division_code, indicator_code, year,"
                + " filter_key, numerator, denominator, units, excluded, missing_facts, registry_population_units) values ");
        for (int i = 0; i < deltas.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:d").append(i).append(", :i").append(i).append(", :y, :f").append(i)
                    .append(", cast(:n").append(i).append(" as numeric), cast(:dn").append(i).append(" as numeric), :u")
                    .append(i).append(", :e").append(i).append(", :m").append(i).append(", :r").append(i).append(")");
        }
        sql.append(" on conflict (division_code, indicator_code, year, filter_key) do update set"
                + " numerator = division_sums.numerator + excluded.numerator,"
                + " denominator = division_sums.denominator + excluded.denominator,"
                + " units = division_sums.units + excluded.units,"
                + " excluded = division_sums.excluded + excluded.excluded,"
                + " missing_facts = division_sums.missing_facts + excluded.missing_facts,"
                + " registry_population_units = division_sums.registry_population_units"
                + " + excluded.registry_population_units");
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql.toString()).setParameter("y", year);
            int i = 0;
            for (var e : deltas.entrySet()) {
                Tally t = e.getValue();
                q.setParameter("d" + i, e.getKey().division()).setParameter("i" + i, e.getKey().indicator())
                        .setParameter("f" + i, e.getKey().filterKey()).setParameter("n" + i, t.numerator())
                        .setParameter("dn" + i, t.denominator()).setParameter("u" + i, t.units())
                        .setParameter("e" + i, t.excluded()).setParameter("m" + i, t.missingFacts())
                        .setParameter("r" + i, t.registryPopulationUnits());
                i++;
            }
            return q.executeUpdate();
        }).replaceWithVoid();
    }

    /** Every sums row of the year for these divisions and indicators, in one read. */
    private static Uni<Map<SumsKey, Tally>> readSums(int year, Set<String> divisions, Set<String> indicators) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select division_code, indicator_code, filter_key,"
                        + " numerator, denominator, units, excluded, missing_facts, registry_population_units"
                        + " from division_sums where year = :y and division_code in (:d) and indicator_code in (:i)",
                        Object[].class)
                .setParameter("y", year).setParameter("d", List.copyOf(divisions))
                .setParameter("i", List.copyOf(indicators)).getResultList())
                .map(rows -> {
                    Map<SumsKey, Tally> m = new HashMap<>();
                    for (Object[] r : rows) {
                        m.put(new SumsKey((String) r[0], (String) r[1], (String) r[2]), new Tally((BigDecimal) r[3],
                                (BigDecimal) r[4], ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                                ((Number) r[7]).longValue(), ((Number) r[8]).longValue()));
                    }
                    return m;
                });
    }

    private static Uni<Tally> readSums(String division, String indicator, int year, String filterKey) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select numerator, denominator, units, excluded,"
                        + " missing_facts, registry_population_units from division_sums where division_code = :d"
                        + " and indicator_code = :i and year = :y and filter_key = :f", Object[].class)
                .setParameter("d", division).setParameter("i", indicator).setParameter("y", year)
                .setParameter("f", filterKey).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return Tally.ZERO;
                    }
                    Object[] r = rows.get(0);
                    return new Tally((BigDecimal) r[0], (BigDecimal) r[1], ((Number) r[2]).longValue(),
                            ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue());
                });
    }

    /**
     * Judges and records every touched result: per year one read of the sums, the division figures
     * and expected units per division, then one locked read of the stored results (see
     * {@link ResultPublisher#recordAll}).
     */
    public Uni<Void> judgeAll(Set<Touch> touched) {
        Map<Integer, List<Touch>> byYear = new TreeMap<>();
        touched.forEach(t -> byYear.computeIfAbsent(t.year(), y -> new ArrayList<>()).add(t));
        Lookups lookups = new Lookups();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var e : byYear.entrySet()) {
            chain = chain.chain(() -> catalog.resolver(e.getKey())
                    .chain(resolver -> judgeYear(e.getKey(), e.getValue(), resolver, lookups)));
        }
        return chain;
    }

    private Uni<Void> judgeYear(int year, List<Touch> touches, TargetResolver resolver, Lookups lookups) {
        Set<String> divisions = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        touches.forEach(t -> {
            divisions.add(t.division());
            codes.add(t.indicatorCode());
        });
        return readSums(year, divisions, codes).chain(sums -> {
            List<Evaluation> evaluations = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Touch t : touches) {
                IndicatorDefinition i = Indicators.byCode(t.indicatorCode()).orElse(null);
                if (i == null) {
                    continue;
                }
                Optional<TargetInForce> target = TargetInForce.resolve(resolver, t.division(), i.code());
                String filterKey = Engine.unitFilter(i, target.map(TargetInForce::target).orElse(null)).key();
                Tally tally = sums.getOrDefault(new SumsKey(t.division(), i.code(), filterKey), Tally.ZERO);
                chain = chain.chain(() -> lookups.divisionFacts(t.division(), year)
                        .chain(facts -> lookups.expected(t.division(), i, year)
                                .invoke(expected -> evaluations.add(new Evaluation(engine.judge(i, target,
                                        new Sums(filterKey, tally), new DivisionFacts(t.division(), facts), expected),
                                        Scoring.notComputedReason(i)))))
                        .replaceWithVoid());
            }
            return chain.chain(() -> results.recordAll(year, evaluations));
        });
    }

    /** Judges one division's sums; reads only. */
    public Uni<Evaluation> evaluate(String division, IndicatorDefinition i, int year, TargetResolver resolver,
            Lookups lookups) {
        Optional<TargetInForce> target = TargetInForce.resolve(resolver, division, i.code());
        String filterKey = Engine.unitFilter(i, target.map(TargetInForce::target).orElse(null)).key();
        return readSums(year, Set.of(division), Set.of(i.code()))
                .map(m -> m.getOrDefault(new SumsKey(division, i.code(), filterKey), Tally.ZERO))
                .chain(tally -> lookups.divisionFacts(division, year)
                        .chain(facts -> lookups.expected(division, i, year)
                                .map(expected -> new Evaluation(engine.judge(i, target, new Sums(filterKey, tally),
                                        new DivisionFacts(division, facts), expected), Scoring.notComputedReason(i)))));
    }

    /** Per-batch caches of what every judgement of a division reads. */
    public final class Lookups {
        private final Map<String, Map<String, BigDecimal>> facts = new HashMap<>();
        private final Map<String, OptionalLong> expected = new HashMap<>();

        /** The division's own counting report figures (a county's county report, a city's own report). */
        Uni<Map<String, BigDecimal>> divisionFacts(String division, int year) {
            String key = division + "/" + year;
            if (facts.containsKey(key)) {
                return Uni.createFrom().item(facts.get(key));
            }
            return ReportRef.<ReportRef>list("unitId = ?1 and year = ?2 and period = ?3", division, year,
                    String.valueOf(year)).map(reports -> {
                        Map<String, BigDecimal> f = reports.stream()
                                .map(r -> Counting.counted(config.counting(), r)).flatMap(Optional::stream)
                                .findFirst().orElse(Map.of());
                        facts.put(key, f);
                        return f;
                    });
        }

        /** Units that should have reported: operating institutions of the applicable types, or the county itself. */
        Uni<OptionalLong> expected(String division, IndicatorDefinition i, int year) {
            return switch (i.reporter()) {
                case COUNTY -> Uni.createFrom().item(Divisions.isCounty(division) ? OptionalLong.of(1) : OptionalLong.empty());
                case JURISDICTION -> Uni.createFrom().item(OptionalLong.of(1));
                case INSTITUTION -> {
                    String key = division + "/" + year + "/" + new TreeSet<>(i.applicableTypes());
                    if (expected.containsKey(key)) {
                        yield Uni.createFrom().item(expected.get(key));
                    }
                    yield institutions.count("countyCode like ?1 and type in ?2 and (openedOn is null or openedOn <= ?3)"
                                    + " and (closedOn is null or closedOn >= ?4)", division + "%",
                            List.copyOf(i.applicableTypes()), LocalDate.of(year, 12, 31), LocalDate.of(year, 1, 1))
                            .map(n -> {
                                OptionalLong v = OptionalLong.of(n);
                                expected.put(key, v);
                                return v;
                            });
                }
            };
        }
    }

    public Lookups lookups() {
        return new Lookups();
    }
}
