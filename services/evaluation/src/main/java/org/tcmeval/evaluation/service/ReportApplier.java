package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.FlushMode;
import org.tcmeval.evaluation.Counting;
import org.tcmeval.evaluation.EvaluationConfig;
import org.tcmeval.evaluation.ReportRef;
import org.tcmeval.evaluation.mapping.EvaluationInput;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.support.persistence.BulkSql;
import org.tcmeval.support.persistence.Pipeline;
import org.tcmeval.support.persistence.SessionSql;
import org.tcmeval.support.vertx.SideContext;

/**
 * Applies a poll's {@code report-submitted} events (报表提交): the newest revision of each report,
 * in one transaction per county shard (see {@link PollShards}). Older and repeated revisions are
 * ignored, so re-delivery and replay change nothing.
 */
@ApplicationScoped
class ReportApplier {

    private static final Set<String> STATUSES = Set.of("SUBMITTED", "APPROVED", "RETURNED");

    @Inject
    Evaluator evaluator;

    @Inject
    EvaluationConfig config;

    /**
     * Applies reports in one transaction; a report's revision not newer than the one applied is ignored.
     * The report refs are plain objects read and written with one statement each per batch: as managed
     * entities, hydrating, snapshotting and dirty-checking thousands of them (JSON columns included) was
     * a large share of the CPU a burst costs. The session flushes at commit and where the evaluator
     * asks, not before every query: with a batch's thousands of managed results, automatic flushes spent
     * most of the time dirty-checking.
     */
    Uni<Void> apply(List<EvaluationInput> inputs) {
        Map<UUID, ReportSubmitted> newest = new LinkedHashMap<>();
        for (EvaluationInput input : inputs) {
            ReportSubmitted e = input.report() != null ? input.report()
                    : EventJson.read(input.json(), ReportSubmitted.class).data();
            if (!STATUSES.contains(e.status())) {
                Log.warnf("report %s revision %d: unknown status %s, ignored", e.reportId(), e.revision(), e.status());
                continue;
            }
            newest.merge(UUID.fromString(e.reportId()), e, (a, b) -> a.revision() >= b.revision() ? a : b);
        }
        if (newest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<List<ReportSubmitted>> shards = PollShards.split(newest.values(),
                e -> e.institutionId() != null ? e.institutionId() : e.reporterId(), ReportSubmitted::divisionCode,
                config.poll().shards(), config.poll().minReportsPerShard());
        Context loop = Vertx.currentContext();
        if (shards.size() == 1 || loop == null) {
            return Multi.createFrom().iterable(shards).onItem().transformToUniAndConcatenate(this::applyReports)
                    .collect().last().replaceWithVoid();
        }
        Log.debugf("%d reports applied as %d concurrent shards", newest.size(), shards.size());
        // Every shard ends before the poll fails: a retry must not start beside a shard still running.
        List<Uni<Optional<Throwable>>> runs = shards.stream()
                .map(shard -> SideContext.run(loop, () -> applyReports(shard))
                        .map(v -> Optional.<Throwable>empty())
                        .onFailure().recoverWithItem(Optional::of))
                .toList();
        return Uni.join().all(runs).andFailFast().chain(outcomes -> outcomes.stream().flatMap(Optional::stream)
                .findFirst().map(f -> Uni.createFrom().<Void>failure(f)).orElse(Uni.createFrom().voidItem()));
    }

    /** Applies reports (newest revision of each, from one poll) in one transaction. */
    private Uni<Void> applyReports(List<ReportSubmitted> reports) {
        Map<UUID, ReportSubmitted> newest = new LinkedHashMap<>();
        reports.forEach(e -> newest.put(UUID.fromString(e.reportId()), e));
        List<UUID> ids = newest.keySet().stream().sorted().toList();
        return Panache.withTransaction(() -> Panache.getSession().invoke(s -> s.setFlushMode(FlushMode.COMMIT))
                .chain(() -> SessionSql.select("select report_id, reporter_kind, unit_id, institution_id, division_code,"
                        + " county_code, year, period, revision, version, status, cast(figures as text),"
                        + " approved_version, cast(approved_figures as text) from report_ref"
                        + " where report_id = any($1::uuid[]) order by report_id for update",
                        (Object) ids.toArray(UUID[]::new)))
                .chain(existing -> {
                    Map<UUID, ReportRef> byId = new HashMap<>();
                    existing.forEach(row -> {
                        ReportRef r = refOf(row);
                        byId.put(r.reportId, r);
                    });
                    List<ReportRef> applied = new ArrayList<>();
                    for (ReportSubmitted e : newest.values()) {
                        ReportRef ref = byId.get(UUID.fromString(e.reportId()));
                        if (ref != null && ref.revision >= e.revision()) {
                            Log.debugf("report %s revision %d already applied (have %d)", e.reportId(), e.revision(),
                                    ref.revision);
                            continue;
                        }
                        if (ref == null) {
                            ref = newRef(e);
                        }
                        Counting.apply(ref, e);
                        applied.add(ref);
                    }
                    return evaluator.applyAndJudgeAll(applied, pipeline -> store(applied, pipeline));
                })).onFailure().invoke(t -> Log.errorf(t, "%d reports: evaluation failed", newest.size()));
    }

    private static ReportRef refOf(Object[] row) {
        ReportRef r = new ReportRef();
        r.reportId = uuid(row[0]);
        r.reporterKind = (String) row[1];
        r.unitId = (String) row[2];
        r.institutionId = uuid(row[3]);
        r.divisionCode = (String) row[4];
        r.countyCode = (String) row[5];
        r.year = ((Number) row[6]).intValue();
        r.period = (String) row[7];
        r.revision = ((Number) row[8]).intValue();
        r.version = ((Number) row[9]).intValue();
        r.status = (String) row[10];
        r.figures = (String) row[11];
        r.approvedVersion = row[12] == null ? null : ((Number) row[12]).intValue();
        r.approvedFigures = (String) row[13];
        return r;
    }

    private static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    /**
     * Queues the insert or replacement of the report refs of a batch, one statement per 2,000: the
     * evaluator sends it behind its first read, which does not need them.
     */
    private static Uni<Void> store(List<ReportRef> refs, Pipeline pipeline) {
        if (refs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String columns = "report_id, reporter_kind, unit_id, institution_id, division_code, county_code, year, period,"
                + " revision, version, status, figures, approved_version, approved_figures";
        pipeline.queue("insert into report_ref (" + columns + ") select report_id, reporter_kind,"
                + " unit_id, institution_id, division_code, county_code, year, period, revision, version, status,"
                + " cast(figures as jsonb), approved_version, cast(approved_figures as jsonb) from "
                + BulkSql.unnest("uuid", "text", "text", "uuid", "text", "text", "int", "text", "int", "int", "text",
                        "text", "int", "text") + " as r(" + columns + ")"
                + " on conflict (report_id) do update set county_code = excluded.county_code,"
                + " revision = excluded.revision, version = excluded.version, status = excluded.status,"
                + " figures = excluded.figures, approved_version = excluded.approved_version,"
                + " approved_figures = excluded.approved_figures", 2_000,
                refs.stream().map(r -> r.reportId).toArray(UUID[]::new),
                refs.stream().map(r -> r.reporterKind).toArray(String[]::new),
                refs.stream().map(r -> r.unitId).toArray(String[]::new),
                refs.stream().map(r -> r.institutionId).toArray(UUID[]::new),
                refs.stream().map(r -> r.divisionCode).toArray(String[]::new),
                refs.stream().map(r -> r.countyCode).toArray(String[]::new),
                refs.stream().map(r -> r.year).toArray(Integer[]::new),
                refs.stream().map(r -> r.period).toArray(String[]::new),
                refs.stream().map(r -> r.revision).toArray(Integer[]::new),
                refs.stream().map(r -> r.version).toArray(Integer[]::new),
                refs.stream().map(r -> r.status).toArray(String[]::new),
                refs.stream().map(r -> r.figures).toArray(String[]::new),
                refs.stream().map(r -> r.approvedVersion).toArray(Integer[]::new),
                refs.stream().map(r -> r.approvedFigures).toArray(String[]::new));
        return Uni.createFrom().voidItem();
    }

    private static ReportRef newRef(ReportSubmitted e) {
        ReportRef ref = new ReportRef();
        ref.reportId = UUID.fromString(e.reportId());
        ref.reporterKind = e.reporterKind() == null ? "INSTITUTION" : e.reporterKind();
        ref.institutionId = e.institutionId() == null ? null : UUID.fromString(e.institutionId());
        ref.unitId = e.institutionId() != null ? e.institutionId() : e.reporterId();
        ref.divisionCode = e.divisionCode();
        ref.year = e.year();
        ref.period = e.period();
        return ref;
    }
}
