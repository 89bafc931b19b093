package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.tcmeval.directory.InstitutionRef;
import org.tcmeval.evaluation.Counting;
import org.tcmeval.evaluation.EvaluationConfig;
import org.tcmeval.evaluation.ReportRef;
import org.tcmeval.support.persistence.Pipeline;
import org.tcmeval.support.persistence.SessionSql;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.Reporter;
import org.tcmeval.targets.TargetResolver;

/**
 * Drives the evaluation engine incrementally: replaces one unit's contributions in the sums of the
 * divisions it rolls into (never a rescan), and has {@link Judging} judge what that touched. Runs
 * inside the caller's transaction.
 */
@ApplicationScoped
public class Evaluator {

    @Inject
    EvaluationConfig config;

    @Inject
    TargetCatalog catalog;

    @Inject
    DivisionPopulations populations;

    @Inject
    Judging judging;

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
        return applyAndJudgeAll(reports, pipeline -> Panache.getSession().chain(s -> s.flush()));
    }

    /**
     * {@link #applyAndJudgeAll(List)} for report refs the caller writes itself: {@code store} runs once
     * their county codes are set, and either writes them or queues the write on the pipeline it is
     * given, which sends it behind the read of the units' contributions (that read does not need them;
     * judging, later, does). The contributions' own writes are sent behind the read of the sums, which
     * does not need them either: PostgreSQL runs each while the service computes on the read's rows.
     */
    public Uni<Void> applyAndJudgeAll(List<ReportRef> reports, Function<Pipeline, Uni<Void>> store) {
        Pipeline pipeline = new Pipeline();
        return pipeline.around(() -> applyAndJudgeAll(reports, store, pipeline));
    }

    private Uni<Void> applyAndJudgeAll(List<ReportRef> reports, Function<Pipeline, Uni<Void>> store, Pipeline pipeline) {
        List<ReportRef> annual = reports.stream().filter(ReportRef::isAnnual).toList();
        if (annual.isEmpty()) {
            return store.apply(pipeline);
        }
        List<UUID> institutionIds = annual.stream().filter(ReportRef::isInstitutionReport).map(r -> r.institutionId)
                .distinct().sorted().toList();
        return AdvisoryLocks.lockInstitutions(institutionIds).chain(() -> institutionsById(institutionIds)).chain(known -> {
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
            return chain.chain(() -> store.apply(pipeline))
                    .chain(() -> ContributionStore.applyAll(List.copyOf(work.values()), resolvers, residents, pipeline))
                    .chain(touched -> judging.judgeAll(touched, pipeline));
        });
    }

    static Uni<Map<UUID, InstitutionRef>> institutionsById(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        // Detached copies of the columns a unit needs, not entities: a batch reads thousands, and
        // hydrating, snapshotting and dirty-checking them cost more than everything else it reads.
        return SessionSql.select("select id, type, grade, county_code from institution_ref where id = any($1::uuid[])",
                (Object) ids.toArray(UUID[]::new)).map(rows -> {
                    Map<UUID, InstitutionRef> m = new HashMap<>();
                    for (Object[] row : rows) {
                        InstitutionRef i = new InstitutionRef();
                        i.id = (UUID) row[0];
                        i.type = row[1] == null ? null : InstitutionType.valueOf((String) row[1]);
                        i.grade = row[2] == null ? null : HospitalGrade.valueOf((String) row[2]);
                        i.countyCode = (String) row[3];
                        m.put(i.id, i);
                    }
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
}
