package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.tcmeval.directory.InstitutionRef;
import org.tcmeval.engine.DivisionFacts;
import org.tcmeval.engine.Divisions;
import org.tcmeval.engine.Engine;
import org.tcmeval.engine.Judgement;
import org.tcmeval.engine.Sums;
import org.tcmeval.engine.Tally;
import org.tcmeval.engine.TargetInForce;
import org.tcmeval.evaluation.Counting;
import org.tcmeval.evaluation.EvaluationConfig;
import org.tcmeval.evaluation.ReportRef;
import org.tcmeval.evaluation.Scoring;
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
    TargetCatalog catalog;

    @Inject
    ResultPublisher results;

    @Inject
    DivisionPopulations populations;

    @Inject
    OperatingInstitutions operatingInstitutions;

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

    /** Applies the report's counting figures (or their absence) and judges what changed. */
    public Uni<Void> applyAndJudge(ReportRef report) {
        return applyAndJudgeAll(List.of(report));
    }

    /**
     * Applies many reports' counting figures in one go (set-based reads and writes, whatever the
     * number of reports) and judges every result they touched once. Where two reports of the list
     * are for the same unit and year, the later one wins, as if they had been applied in turn.
     */
    public Uni<Void> applyAndJudgeAll(List<ReportRef> reports) {
        // Managed report refs: the session writes them (new ones, county codes just set) when flushed.
        return applyAndJudgeAll(reports, () -> Panache.getSession().chain(s -> s.flush()));
    }

    /**
     * {@link #applyAndJudgeAll(List)} for report refs the caller writes itself: {@code store} runs once
     * their county codes are set and before the set-based reads that need them in the database.
     */
    public Uni<Void> applyAndJudgeAll(List<ReportRef> reports, java.util.function.Supplier<Uni<Void>> store) {
        List<ReportRef> annual = reports.stream().filter(ReportRef::isAnnual).toList();
        if (annual.isEmpty()) {
            return store.get();
        }
        List<UUID> institutionIds = annual.stream().filter(ReportRef::isInstitutionReport).map(r -> r.institutionId)
                .distinct().sorted().toList();
        return lockInstitutions(institutionIds).chain(() -> institutionsById(institutionIds)).chain(known -> {
            Map<String, Contributions.Work> work = new LinkedHashMap<>();
            for (ReportRef r : annual) {
                Optional<Unit> unit = unitOf(r, known);
                if (unit.isEmpty()) {
                    continue;   // institution not known yet: applied when it arrives
                }
                r.countyCode = unit.get().countyCode();
                String key = unit.get().id() + "/" + r.year;
                work.remove(key);
                work.put(key, new Contributions.Work(unit.get(), r.year, Counting.counted(config.counting(), r)));
            }
            List<Integer> years = work.values().stream().map(Contributions.Work::year).distinct().sorted().toList();
            Map<Integer, TargetResolver> resolvers = new TreeMap<>();
            // Before resolving: a target change another instance is storing commits before or after this batch.
            Uni<Void> chain = TargetCatalog.lockShared();
            for (int y : years) {
                chain = chain.chain(() -> catalog.resolver(y).invoke(r -> resolvers.put(y, r)).replaceWithVoid());
            }
            Map<Integer, Map<String, Long>> residents = new TreeMap<>();
            for (int y : years) {
                // Read (and locked shared) before the contributions: see DivisionPopulations.
                List<String> divisions = work.values().stream().filter(w -> w.year() == y
                        && w.unit().reporter() != Reporter.INSTITUTION).map(w -> w.unit().ownDivision()).toList();
                chain = chain.chain(() -> populations.residents(divisions, y).invoke(m -> residents.put(y, m))
                        .replaceWithVoid());
            }
            // The report refs (new ones, and county codes just set) must be in the database before the
            // set-based reads below.
            return chain.chain(() -> store.get())
                    .chain(() -> ContributionStore.applyAll(List.copyOf(work.values()), resolvers, residents))
                    .chain(this::judgeAll);
        });
    }

    static Uni<Map<UUID, InstitutionRef>> institutionsById(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        // Read-only: a batch loads thousands, and managed copies would be snapshotted and dirty-checked at
        // every flush for nothing (an institution already managed in the session stays as it was).
        return Panache.getSession().chain(s -> s.createSelectionQuery("from InstitutionRef i where i.id in :ids",
                InstitutionRef.class).setParameter("ids", ids).setReadOnly(true).getResultList()).map(list -> {
                    Map<UUID, InstitutionRef> m = new HashMap<>();
                    list.forEach(i -> m.put(i.id, i));
                    return m;
                });
    }

    static Optional<Unit> unitOf(ReportRef r, Map<UUID, InstitutionRef> institutions) {
        return switch (r.reporterKind) {
            case "INSTITUTION" -> {
                InstitutionRef inst = institutions.get(r.institutionId);
                yield inst == null || inst.type == null || inst.countyCode == null ? Optional.empty()
                        : Optional.of(new Unit(inst.id.toString(), Reporter.INSTITUTION, inst.type, inst.grade,
                                inst.countyCode, inst.countyCode));
            }
            case "COUNTY" -> Optional.of(new Unit(r.unitId, Reporter.COUNTY, null, null, r.unitId, r.unitId));
            default -> Optional.of(new Unit(r.unitId, Reporter.JURISDICTION, null, null, null, r.unitId));
        };
    }

    /**
     * Serialises the report path and the institution path for one institution until the end of the
     * transaction. Without it, a report and its institution arriving together each miss the other's
     * uncommitted row and the report is never applied.
     */
    public static Uni<Void> lockInstitution(UUID institutionId) {
        return lockInstitutions(List.of(institutionId));
    }

    /**
     * The registrations (operating institutions) of provinces, as judging counts them for expected units.
     * A report judged while an institution of its county is being registered could count the units
     * without it, and the registration's re-judging could miss the result that report is writing:
     * neither sees the other's uncommitted rows, and the result would keep a completeness that is no
     * longer true. Judging holds this lock shared until commit, a registration change exclusively
     * (after its institution's lock, the order judging takes them in), so whichever commits second
     * sees the first.
     */
    static Uni<Void> lockRegistrations(boolean shared, Collection<String> provinces) {
        if (provinces.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> keys = new TreeSet<>(provinces).stream().map(p -> "registration:" + p).toList();
        return Panache.getSession().chain(s -> s.createNativeQuery("select 1 from (select "
                        + (shared ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock")
                        + "(hashtext(k)) from (select k from unnest(cast(:k as text[])) k order by k) o) l", Integer.class)
                .setParameter("k", keys.toArray(String[]::new)).getResultList()).replaceWithVoid();
    }

    /** {@link #lockInstitution} for many, in one statement and in id order (no deadlock between batches). */
    static Uni<Void> lockInstitutions(List<UUID> sortedIds) {
        if (sortedIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> keys = sortedIds.stream().map(id -> "institution:" + id).toList();
        return Panache.getSession().chain(s -> s.createNativeQuery("select 1 from (select pg_advisory_xact_lock("
                        + "hashtext(k)) from (select k from unnest(cast(:k as text[])) k order by k) o) l", Integer.class)
                .setParameter("k", keys.toArray(String[]::new)).getResultList()).replaceWithVoid();
    }

    /** Every sums row of the year for these divisions and indicators, in one read. */
    private static Uni<Map<Contributions.SumsKey, Tally>> readSums(int year, Set<String> divisions, Set<String> indicators) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select division_code, indicator_code, filter_key,"
                        + " numerator, denominator, units, excluded, missing_facts, registry_population_units"
                        + " from division_sums where year = :y and division_code = any(cast(:d as text[]))"
                        + " and indicator_code = any(cast(:i as text[]))",
                        Object[].class)
                .setParameter("y", year).setParameter("d", EvaluationService.texts(divisions))
                .setParameter("i", EvaluationService.texts(indicators)).getResultList())
                .map(rows -> {
                    Map<Contributions.SumsKey, Tally> m = new HashMap<>();
                    for (Object[] r : rows) {
                        m.put(new Contributions.SumsKey((String) r[0], (String) r[1], (String) r[2]), new Tally((BigDecimal) r[3],
                                (BigDecimal) r[4], ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                                ((Number) r[7]).longValue(), ((Number) r[8]).longValue()));
                    }
                    return m;
                });
    }

    /**
     * Judges and records every touched result of a county or below, and leaves those above it to
     * {@link RollupDrain}: per year one read of the sums, the division figures
     * and expected units per division, then one locked read of the stored results (see
     * {@link ResultPublisher#recordAll}).
     */
    public Uni<Void> judgeAll(Set<Touch> touched) {
        Set<Touch> now = new TreeSet<>();
        Set<Touch> later = new TreeSet<>();
        touched.forEach(t -> (RollupDeltas.deferred(t.division()) ? later : now).add(t));
        // A city's or the province's results are judged by the drain only, after their sums: judged here
        // from sums that lack other transactions' deltas, they could overwrite a newer judgement.
        return RollupDeltas.touch(later).chain(() -> judgeNow(now));
    }

    /** {@link #judgeAll} at every level, now: for the drain, which has just folded the sums it reads. */
    Uni<Void> judgeNow(Set<Touch> touched) {
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
        // Everything judging reads comes from three reads; the judging itself is plain Java (a chain of
        // one Uni per result would nest thousands deep for a province's batch).
        return lookups.prefetch(year, divisions).chain(() -> readSums(year, divisions, codes)).chain(sums -> {
            List<Evaluation> evaluations = new ArrayList<>();
            for (Touch t : touches) {
                Indicators.byCode(t.indicatorCode()).ifPresent(i -> evaluations.add(judge(t.division(), i, year,
                        resolver, sums, lookups)));
            }
            return results.recordAll(year, evaluations);
        });
    }

    Evaluation judge(String division, IndicatorDefinition i, int year, TargetResolver resolver,
            Map<Contributions.SumsKey, Tally> sums, Lookups lookups) {
        Optional<TargetInForce> target = TargetInForce.resolve(resolver, division, i.code());
        String filterKey = Engine.unitFilter(i, target.map(TargetInForce::target).orElse(null)).key();
        Tally tally = sums.getOrDefault(new Contributions.SumsKey(division, i.code(), filterKey), Tally.ZERO);
        return new Evaluation(engine.judge(i, target, new Sums(filterKey, tally),
                new DivisionFacts(division, lookups.facts(division, year), lookups.registryPopulation(division, year)),
                lookups.expected(division, i, year)),
                Scoring.notComputedReason(i));
    }

    /**
     * Judges one division's sums for several indicators; reads only, in one read of the sums (a
     * scorecard asks for every indicator without a stored result, which one read per indicator made
     * the slowest part of a province's scorecard).
     */
    public Uni<List<Evaluation>> evaluateAll(String division, List<IndicatorDefinition> indicators, int year,
            TargetResolver resolver, Lookups lookups) {
        if (indicators.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> codes = new TreeSet<>();
        indicators.forEach(i -> codes.add(i.code()));
        return lookups.prefetch(year, Set.of(division)).chain(() -> readSums(year, Set.of(division), codes))
                .map(sums -> indicators.stream().map(i -> judge(division, i, year, resolver, sums, lookups)).toList());
    }

    /** Per-batch caches of what every judgement of a division reads. */
    public final class Lookups {
        private final Map<String, Map<String, BigDecimal>> facts = new HashMap<>();
        /** The registry's residents per division and year, for conditions on a population the report lacks. */
        private final Map<String, Long> registry = new HashMap<>();
        private final Map<String, OptionalLong> expected = new HashMap<>();
        /** Operating institutions per year, province, county and type, for provinces read in full. */
        private final Map<String, Map<String, Map<InstitutionType, Long>>> operating = new HashMap<>();

        /**
         * Reads what judging these divisions in {@code year} needs in two statements: their own
         * reports, and the operating institutions of their provinces counted per county and type.
         */
        Uni<Void> prefetch(int year, Set<String> divisions) {
            List<String> unread = divisions.stream().filter(d -> !facts.containsKey(d + "/" + year)).toList();
            List<String> provinces = divisions.stream().map(d -> d.substring(0, Math.min(2, d.length()))).distinct()
                    .filter(p -> !operating.containsKey(year + "/" + p)).toList();
            Uni<Void> chain = Uni.createFrom().voidItem();
            if (!unread.isEmpty()) {
                chain = chain.chain(() -> ReportRef.<ReportRef>list("unitId in ?1 and year = ?2 and period = ?3", unread,
                        year, String.valueOf(year)).invoke(reports -> {
                            unread.forEach(d -> facts.put(d + "/" + year, Map.of()));
                            for (ReportRef r : reports) {
                                Counting.counted(config.counting(), r).ifPresent(f -> facts.put(r.unitId + "/" + year, f));
                            }
                        }).replaceWithVoid());
                // A condition such as "more than 300,000 residents" reads the registry's residents where the
                // report has none, as densities do; locked shared like the report path's read (see
                // DivisionPopulations), so a population change and this judgement see each other.
                chain = chain.chain(() -> populations.residents(unread, year).invoke(m ->
                        m.forEach((d, n) -> registry.put(d + "/" + year, n))).replaceWithVoid());
            }
            if (!provinces.isEmpty()) {
                chain = chain.chain(() -> operatingInstitutions.of(year, provinces).invoke(m -> provinces.forEach(
                        p -> operating.put(year + "/" + p, m.getOrDefault(p, Map.of())))).replaceWithVoid());
            }
            return chain;
        }

        private OptionalLong counted(String division, Set<InstitutionType> types, int year) {
            Map<String, Map<InstitutionType, Long>> counties = operating.get(year + "/"
                    + division.substring(0, Math.min(2, division.length())));
            if (counties == null) {
                throw new IllegalStateException("operating institutions of " + division + " in " + year + " not prefetched");
            }
            long n = 0;
            for (var c : counties.entrySet()) {
                if (c.getKey().startsWith(division)) {
                    for (InstitutionType t : types) {
                        n += c.getValue().getOrDefault(t, 0L);
                    }
                }
            }
            return OptionalLong.of(n);
        }

        /** The division's own counting report figures (a county's county report, a city's own report); prefetched. */
        Map<String, BigDecimal> facts(String division, int year) {
            return facts.getOrDefault(division + "/" + year, Map.of());
        }

        /** The registry's residents of the division in the year, or null; prefetched. */
        Long registryPopulation(String division, int year) {
            return registry.get(division + "/" + year);
        }

        /** Units that should have reported: operating institutions of the applicable types, or the county itself; prefetched. */
        OptionalLong expected(String division, IndicatorDefinition i, int year) {
            return switch (i.reporter()) {
                case COUNTY -> Divisions.isCounty(division) ? OptionalLong.of(1) : OptionalLong.empty();
                case JURISDICTION -> OptionalLong.of(1);
                case INSTITUTION -> expected.computeIfAbsent(division + "/" + year + "/" + new TreeSet<>(i.applicableTypes()),
                        k -> counted(division, i.applicableTypes(), year));
            };
        }
    }

    public Lookups lookups() {
        return new Lookups();
    }
}
