package org.tcmeval.reporting.bulk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.tcmeval.support.persistence.BulkSql;
import org.tcmeval.support.persistence.UniqueViolation;
import org.tcmeval.support.security.Jurisdiction;

/**
 * Works through accepted jobs one at a time, oldest first, in the background. At start-up it
 * resumes every job left QUEUED or RUNNING by a previous process: an all-or-nothing job (and a
 * dry run) starts again from its first row, since nothing of it was stored; a good-rows job goes on
 * after the last chunk it committed, because each chunk commits its reports, events, row errors
 * and the job's progress in one transaction.
 *
 * <p>One process runs jobs; several instances of reporting would each work through the queue and
 * could run one job twice (a lease column is the remedy, not needed while reporting runs once).
 */
@ApplicationScoped
public class ReportJobRunner {

    private static final int ATTEMPTS = 3;

    @Inject
    Vertx vertx;

    @Inject
    BulkReports bulk;

    @Inject
    ReportJobConfig config;

    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean again;

    /** At start-up: resume whatever a previous process accepted and did not finish. */
    void onStart(@Observes StartupEvent event) {
        kick();
    }

    /** Makes sure the runner looks at the queue (after a job was accepted, or at start-up). */
    public void kick() {
        if (config.run()) {
            start();
        }
    }

    /** Works through the QUEUED and RUNNING jobs now (the start-up path; tests call it directly). */
    void start() {
        again = true;
        if (!running.compareAndSet(false, true)) {
            return;
        }
        again = false;
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> drain().subscribe().with(n -> done(), e -> {
            Log.errorf(e, "report job runner stopped; it resumes with the next job accepted or the next start");
            done();
        }));
    }

    private void done() {
        running.set(false);
        if (again) {
            start();
        }
    }

    private Uni<Void> drain() {
        return Panache.withTransaction(() -> ReportJob.<ReportJob>find("state in ?1 order by createdAt",
                List.of(ReportJob.State.QUEUED, ReportJob.State.RUNNING)).firstResult().invoke(job -> {
                    if (job != null) {
                        job.state = ReportJob.State.RUNNING;
                        if (job.startedAt == null) {
                            job.startedAt = OffsetDateTime.now(clock);
                        }
                    }
                })).chain(job -> {
                    if (job == null) {
                        return Uni.createFrom().voidItem();
                    }
                    long began = System.nanoTime();
                    return run(job)
                            .onFailure().recoverWithUni(e -> failed(job, e))
                            .invoke(() -> Log.infof("report job %s: %d rows in %.2f s", job.id, job.rowsTotal,
                                    (System.nanoTime() - began) / 1e9))
                            .chain(this::drain);
                });
    }

    private Uni<Void> run(ReportJob job) {
        Jurisdiction jurisdiction = new Jurisdiction(job.divisionCode, new HashSet<>(Arrays.asList(job.roles.split(" "))));
        return Panache.withSession(() -> ReportJobUpload.<ReportJobUpload>findById(job.id)).chain(upload -> {
            if (upload == null) {
                throw new IllegalStateException("the upload of job " + job.id + " is missing");
            }
            return offLoop(() -> ReportRows.parse(job.format, upload.body));
        }).chain(parsed -> {
            Log.infof("report job %s: upload read, %d rows", job.id, parsed.rowCount());
            // Rows in file order; the errors of unreadable rows go with the chunk their row falls in.
            List<Entry> entries = new ArrayList<>();
            parsed.rows().forEach(r -> entries.add(new Entry(r.row(), r, null)));
            Map<Integer, List<RowError>> unreadable = new HashMap<>();
            parsed.errors().forEach(e -> unreadable.computeIfAbsent(e.row(), k -> new ArrayList<>()).add(e));
            unreadable.forEach((row, errors) -> entries.add(new Entry(row, null, errors)));
            entries.sort(Comparator.comparingInt(Entry::row));
            job.rowsTotal = entries.size();
            if (job.dryRun || job.mode == ReportJob.Mode.ALL_OR_NOTHING) {
                return Panache.withTransaction(() -> whole(job, entries, jurisdiction))
                        .onFailure(ReportJobRunner::retryable).retry().atMost(ATTEMPTS - 1);
            }
            return goodRows(job, entries, jurisdiction);
        });
    }

    /** A row of the file: readable ({@code row}) or not ({@code errors}). */
    private record Entry(int row, BulkRow bulkRow, List<RowError> errors) {
    }

    private static boolean retryable(Throwable e) {
        return e instanceof BulkReports.ConcurrentChange || UniqueViolation.is(e);
    }

    /** All-or-nothing and dry runs: checks every row, then writes all of them or nothing, in one transaction. */
    private Uni<Void> whole(ReportJob job, List<Entry> entries, Jurisdiction jurisdiction) {
        Set<String> seen = new HashSet<>();
        List<BulkReports.Outcome> outcomes = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        int chunk = config.chunkRows();
        for (int from = 0; from < entries.size(); from += chunk) {
            List<Entry> part = entries.subList(from, Math.min(entries.size(), from + chunk));
            chain = chain.chain(() -> screen(part, jurisdiction, seen).invoke(o -> collect(o, outcomes, errors)))
                    .replaceWithVoid();
        }
        long began = System.nanoTime();
        return chain.chain(() -> {
            Log.infof("report job %s: %d rows checked in %.2f s", job.id, entries.size(), (System.nanoTime() - began) / 1e9);
            int failedRows = (int) errors.stream().mapToInt(RowError::row).distinct().count();
            Uni<BulkReports.Written> written;
            if (job.dryRun || !errors.isEmpty()) {
                written = Uni.createFrom().item(new BulkReports.Written(
                        (int) outcomes.stream().filter(o -> o instanceof BulkReports.Create).count(),
                        (int) outcomes.stream().filter(o -> o instanceof BulkReports.Revise).count()));
            } else {
                written = writeChunks(job, outcomes, job.submittedBy);
            }
            return written.chain(w -> reload(job).chain(j -> {
                boolean rejected = !job.dryRun && !errors.isEmpty();
                j.rowsTotal = entries.size();
                j.rowsDone = entries.size();
                j.rowsFailed = failedRows;
                j.created = rejected ? 0 : w.created();
                j.revised = rejected ? 0 : w.revised();
                j.unchanged = rejected ? 0 : (int) outcomes.stream().filter(o -> o instanceof BulkReports.Unchanged).count();
                j.state = rejected ? ReportJob.State.REJECTED : ReportJob.State.COMPLETED;
                j.detail = rejected ? failedRows + " of " + entries.size() + " rows break rules; nothing was stored. "
                        + "Fix them, or send mode=good-rows to store the other rows"
                        : job.dryRun ? "dry run: nothing was stored; the counts say what the job would do" : null;
                j.finishedAt = OffsetDateTime.now(clock);
                return saveErrors(job, errors).chain(() -> finish(j));
            }));
        });
    }

    private Uni<BulkReports.Written> writeChunks(ReportJob job, List<BulkReports.Outcome> outcomes, String who) {
        int chunk = config.chunkRows();
        int[] counts = new int[2];
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < outcomes.size(); from += chunk) {
            List<BulkReports.Outcome> part = outcomes.subList(from, Math.min(outcomes.size(), from + chunk));
            chain = chain.chain(() -> bulk.write(part, who, chunk).chain(w -> {
                counts[0] += w.created();
                counts[1] += w.revised();
                return saveResults(job, w.results());
            }));
        }
        return chain.map(v -> new BulkReports.Written(counts[0], counts[1]));
    }

    /** Good rows: each chunk commits with the job's progress, so a restart goes on after it. */
    private Uni<Void> goodRows(ReportJob job, List<Entry> entries, Jurisdiction jurisdiction) {
        int chunk = config.chunkRows();
        Set<String> seen = new HashSet<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = job.rowsDone; from < entries.size(); from += chunk) {
            List<Entry> part = entries.subList(from, Math.min(entries.size(), from + chunk));
            chain = chain.chain(() -> Panache.withTransaction(() -> {
                // A retried chunk must not see its own keys as earlier rows.
                Set<String> attempt = new HashSet<>(seen);
                return screen(part, jurisdiction, attempt).chain(outcomes -> {
                    List<RowError> errors = new ArrayList<>();
                    collect(outcomes, new ArrayList<>(), errors);
                    return bulk.write(outcomes, job.submittedBy, chunk).call(w -> saveResults(job, w.results()))
                            .chain(w -> reload(job).chain(j -> {
                        j.rowsTotal = entries.size();
                        j.rowsDone += part.size();
                        j.rowsFailed += (int) errors.stream().mapToInt(RowError::row).distinct().count();
                        j.created += w.created();
                        j.revised += w.revised();
                        j.unchanged += (int) outcomes.stream().filter(o -> o instanceof BulkReports.Unchanged).count();
                        return saveErrors(job, errors).invoke(() -> seen.addAll(attempt)).replaceWith(j);
                    }));
                });
            }).onFailure(ReportJobRunner::retryable).retry().atMost(ATTEMPTS - 1).replaceWithVoid());
        }
        return chain.chain(() -> Panache.withTransaction(() -> reload(job).chain(j -> {
            j.state = ReportJob.State.COMPLETED;
            j.finishedAt = OffsetDateTime.now(clock);
            return finish(j);
        })));
    }

    private Uni<List<BulkReports.Outcome>> screen(List<Entry> part, Jurisdiction jurisdiction, Set<String> seen) {
        List<BulkRow> rows = part.stream().filter(e -> e.bulkRow() != null).map(Entry::bulkRow).toList();
        List<BulkReports.Outcome> unreadable = part.stream().filter(e -> e.bulkRow() == null)
                .map(e -> (BulkReports.Outcome) new BulkReports.Refused(e.row(), e.errors())).toList();
        return bulk.screen(rows, jurisdiction, seen).map(outcomes -> {
            List<BulkReports.Outcome> all = new ArrayList<>(outcomes);
            all.addAll(unreadable);
            all.sort(Comparator.comparingInt(BulkReports.Outcome::row));
            return all;
        });
    }

    private static void collect(List<BulkReports.Outcome> outcomes, List<BulkReports.Outcome> into, List<RowError> errors) {
        for (BulkReports.Outcome o : outcomes) {
            if (o instanceof BulkReports.Refused r) {
                errors.addAll(r.errors());
            } else {
                into.add(o);
            }
        }
    }

    private static Uni<ReportJob> reload(ReportJob job) {
        return ReportJob.<ReportJob>findById(job.id);
    }

    private Uni<Void> saveErrors(ReportJob job, List<RowError> errors) {
        if (errors.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<Integer, Integer> perRow = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>(errors.size());
        for (RowError e : errors) {
            int n = perRow.merge(e.row(), 1, Integer::sum);
            rows.add(Map.of("job_id", job.id.toString(), "row_no", e.row(), "n", n, "field", e.field(), "rule", e.rule(),
                    "message", e.message()));
        }
        return BulkSql.execute("insert into report_job_error (job_id, row_no, n, field, rule, message) select job_id, "
                + "row_no, n, field, rule, message from " + BulkSql.ROWS + " as e(job_id uuid, row_no int, n int, "
                + "field text, rule text, message text)", rows, 5000).replaceWithVoid();
    }

    private Uni<Void> saveResults(ReportJob job, List<BulkReports.RowResult> results) {
        if (results.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map<String, Object>> rows = new ArrayList<>(results.size());
        for (BulkReports.RowResult r : results) {
            rows.add(Map.of("job_id", job.id.toString(), "row_no", r.row(), "report_id", r.reportId().toString(),
                    "revision", r.revision(), "outcome", r.outcome()));
        }
        return BulkSql.execute("insert into report_job_result (job_id, row_no, report_id, revision, outcome) select "
                + "job_id, row_no, report_id, revision, outcome from " + BulkSql.ROWS + " as x(job_id uuid, row_no int, "
                + "report_id uuid, revision int, outcome text)", rows, 5000).replaceWithVoid();
    }

    /** The upload is dropped once the job has finished. */
    private static Uni<Void> finish(ReportJob j) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from report_job_upload where job_id = ?1")
                .setParameter(1, j.id).executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> failed(ReportJob job, Throwable e) {
        Log.errorf(e, "report job %s failed", job.id);
        return Panache.withTransaction(() -> reload(job).chain(j -> {
            j.state = ReportJob.State.FAILED;
            j.detail = "the job could not be processed: " + e.getMessage()
                    + (j.mode == ReportJob.Mode.ALL_OR_NOTHING ? "; nothing was stored" : "; rows before row "
                            + (j.rowsDone + 1) + " were processed");
            j.finishedAt = OffsetDateTime.now(clock);
            return finish(j);
        })).onFailure().invoke(f -> Log.errorf(f, "could not record the failure of report job %s", job.id))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** CPU work (decoding and parsing a 20 MB file) on a worker, back on the caller's context. */
    static <T> Uni<T> offLoop(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> computed = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? computed : computed.emitOn(r -> context.runOnContext(ignored -> r.run()));
    }
}
