package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tcmeval.evaluation.EvaluationConfig;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.ReportRef;

/**
 * Works re-judging jobs (table {@code rejudge_job}) in batches, off the reports' path: after a target
 * profile changes, the reports below its division are re-applied (a changed target may filter units
 * differently, so contributions move between sums) and then every stored result below it is re-judged.
 * Each batch is one transaction that also advances the job's cursor, so a crash loses at most the
 * batch in flight and the job resumes where it stopped. Reports applied meanwhile already use the new
 * targets (the catalog is reloaded when the change commits); re-applying them again changes nothing.
 * {@code FOR UPDATE SKIP LOCKED}: another instance, or a batch still running, never waits for this one.
 */
@ApplicationScoped
public class RejudgeJobs {

    @Inject
    Vertx vertx;

    @Inject
    Evaluator evaluator;

    @Inject
    EvaluationService service;

    @Inject
    EvaluationConfig config;

    @Inject
    TargetCatalog catalog;

    /** The job this instance worked last: a job new to it reloads the targets first (see step). */
    private volatile long lastJob = -1;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        // The poll finds jobs left by a crash or recorded by another instance; kick() starts at once.
        timer = vertx.setPeriodic(config.rejudge().pollInterval().toMillis(), id -> kick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Records a job in the caller's transaction (the one that stores the changed profile). */
    static Uni<Void> record(String profileId, int revision, String prefix) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into rejudge_job (profile_id, revision, prefix)"
                + " values (:p, :r, :x)").setParameter("p", profileId).setParameter("r", revision)
                .setParameter("x", prefix).executeUpdate()).replaceWithVoid();
    }

    /** Works open jobs until none is left; a call while a round runs makes that round look again. */
    public void kick() {
        again.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        again.set(false);
        // Hibernate Reactive needs a duplicated context marked safe, as a request would have.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> drain().onTermination().invoke(() -> {
            running.set(false);
            if (again.get()) {
                kick();
            }
        }).subscribe().with(n -> { }, e -> Log.warnf(e, "re-judging round failed; retrying at the next poll")));
    }

    private Uni<Void> drain() {
        return step().chain(worked -> worked ? drain() : Uni.createFrom().voidItem());
    }

    /** One batch of the oldest open job nobody else is working; false when there is none. */
    Uni<Boolean> step() {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "select id, prefix, phase, cast(after_report as text), after_unit, after_indicator, after_year"
                                + " from rejudge_job where phase <> 'DONE' order by id limit 1 for update skip locked",
                        Object[].class).getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    Object[] job = rows.get(0);
                    long id = ((Number) job[0]).longValue();
                    String like = job[1] + "%";
                    if (id != lastJob) {
                        // The job was found by the poll before the consumer reloaded the targets, or was
                        // recorded by another instance: its profile row committed with it, so a reload now
                        // cannot miss the change.
                        lastJob = id;
                        catalog.invalidate();
                    }
                    return switch ((String) job[2]) {
                        case "REAPPLY" -> reapply(id, like, (String) job[3]);
                        case "REJUDGE" -> rejudge(id, like, (String) job[4], (String) job[5], ((Number) job[6]).intValue());
                        default -> throw new IllegalStateException("job " + id + " in phase " + job[2]);
                    };
                }));
    }

    /** The next reports below the prefix, in id order, re-applied set-based like a poll of reports. */
    private Uni<Boolean> reapply(long id, String like, String after) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select cast(report_id as text) from report_ref"
                        + " where (division_code like :p or county_code like :p) and report_id > cast(:a as uuid)"
                        + " order by report_id limit :n", String.class).setParameter("p", like).setParameter("a", after)
                .setParameter("n", config.rejudge().batchSize()).getResultList())
                .chain(ids -> {
                    if (ids.isEmpty()) {
                        return update(id, "phase = 'REJUDGE'", List.of());
                    }
                    List<UUID> batch = ids.stream().map(UUID::fromString).toList();
                    return ReportRef.<ReportRef>list("reportId in ?1", batch).chain(evaluator::applyAndJudgeAll)
                            .chain(() -> update(id, "after_report = cast(?1 as uuid)", List.of(ids.get(ids.size() - 1))));
                });
    }

    /** The next stored results below the prefix, in key order, judged again (their sums unchanged). */
    private Uni<Boolean> rejudge(long id, String like, String unit, String indicator, int year) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select unit_id, indicator_code, year"
                        + " from indicator_result where unit_id like :p and (unit_id, indicator_code, year) > (:u, :i, :y)"
                        + " order by unit_id, indicator_code, year limit :n", Object[].class).setParameter("p", like)
                .setParameter("u", unit).setParameter("i", indicator).setParameter("y", year)
                .setParameter("n", config.rejudge().batchSize()).getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return update(id, "phase = 'DONE', finished_at = now()", List.of());
                    }
                    List<IndicatorResult.Key> keys = new ArrayList<>();
                    for (Object[] r : rows) {
                        keys.add(new IndicatorResult.Key((String) r[0], (String) r[1], ((Number) r[2]).intValue()));
                    }
                    IndicatorResult.Key last = keys.get(keys.size() - 1);
                    return service.rejudge(keys).chain(() -> update(id,
                            "after_unit = ?1, after_indicator = ?2, after_year = ?3",
                            List.of(last.unitId(), last.indicatorCode(), last.year())));
                });
    }

    private static Uni<Boolean> update(long id, String set, List<Object> params) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery("update rejudge_job set " + set + ", batches = batches + 1 where id = ?"
                    + (params.size() + 1));
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(i + 1, params.get(i));
            }
            return q.setParameter(params.size() + 1, id).executeUpdate();
        }).invoke(n -> Log.debugf("re-judging job %d: %s", id, set)).replaceWith(true);
    }
}
