package org.tcmeval.reporting.bulk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.tcmeval.support.outbox.OutboxRelay;
import org.tcmeval.support.persistence.BulkSql;
import org.tcmeval.support.persistence.UniqueViolation;
import org.tcmeval.support.security.Jurisdiction;

/**
 * Works through accepted jobs, oldest first, in the background. Several instances of reporting may
 * run: each job is claimed with a lease ({@link JobLease}, V22) renewed while it runs, so two
 * instances never run the same job, and a job whose instance died is taken over once its lease
 * has run out (every instance looks for such jobs once per lease). An all-or-nothing job (and a
 * dry run) starts again from its first row, since nothing of it was stored; a good-rows job goes on
 * after the last chunk it committed, because each chunk commits its reports, events, row errors and
 * the job's progress in one transaction.
 */
@ApplicationScoped
public class ReportJobRunner {

    private static final int ATTEMPTS = 3;

    @Inject
    Vertx vertx;

    @Inject
    BulkReports bulk;

    @Inject
    BulkWriter writer;

    @Inject
    ReportJobConfig config;

    @Inject
    Clock clock;

    @Inject
    OutboxRelay relay;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean again;
    private volatile JobLease lease;
    /** Chunks this runner may still start before it stops as if its process died; negative: no limit. */
    private final AtomicInteger chunksBeforeHalt = new AtomicInteger(-1);
    private volatile boolean halted;
    private volatile long pollTimer = -1;

    /** The runner stopped as if its process had died: it keeps its lease and stores nothing more. */
    static final class Halted extends RuntimeException {
        Halted() {
            super("the report job runner was halted");
        }
    }

    /** At start-up: resume whatever a previous process accepted and did not finish, and watch for leases that end. */
    void onStart(@Observes StartupEvent event) {
        if (config.run()) {
            poll();
        }
    }

    /** At shutdown: no new poll or chunk on a closing pool; a job cut short is taken over when its lease ends. */
    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Looks at the queue now and then once per half lease, which is how a dead instance's job is taken over. */
    void poll() {
        pollTimer = vertx.setPeriodic(Math.max(1, config.lease().toMillis() / 2), id -> start());
        start();
    }

    /** Stops this runner as if its process had died now: no new chunk, no renewal, no poll; the lease stays. */
    void stop() {
        halted = true;
        vertx.cancelTimer(pollTimer);
    }

    boolean halted() {
        return halted;
    }

    String owner() {
        return lease().owner();
    }

    /** Makes sure the runner looks at the queue (after a job was accepted, or at start-up). */
    public void kick() {
        if (config.run()) {
            start();
        }
    }

    /**
     * Lets this runner start {@code chunks} more chunks and then stop for good, keeping its lease
     * and storing nothing more, as when its process dies mid-job (tests of the takeover).
     */
    void haltAfter(int chunks) {
        chunksBeforeHalt.set(chunks);
    }

    private JobLease lease() {
        if (lease == null) {
            lease = new JobLease(ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID(), config.lease());
        }
        return lease;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    /** Works through the claimable jobs now (the start-up path; tests call it directly). */
    void start() {
        again = true;
        if (halted || !running.compareAndSet(false, true)) {
            return;
        }
        again = false;
        onNewContext(() -> drain().subscribe().with(n -> done(), e -> {
            if (!(e instanceof Halted)) {
                Log.errorf(e, "report job runner stopped; it resumes with the next job accepted or the next poll");
            }
            done();
        }));
    }

    private void onNewContext(Runnable work) {
        // Hibernate Reactive needs a duplicated context marked safe, as a request would have.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.run());
    }

    private void done() {
        running.set(false);
        if (again) {
            start();
        }
    }

    private Uni<Void> drain() {
        return Panache.withTransaction(() -> lease().claim().chain(id -> id == null ? Uni.createFrom().<ReportJob>nullItem()
                : ReportJob.<ReportJob>findById(id).invoke(job -> {
                    if (job.startedAt == null) {
                        job.startedAt = OffsetDateTime.now(clock);
                    }
                }))).chain(job -> {
                    if (job == null) {
                        return Uni.createFrom().voidItem();
                    }
                    long began = System.nanoTime();
                    long renewal = vertx.setPeriodic(Math.max(1, config.lease().toMillis() / 3), t -> renew(job));
                    return run(job)
                            .onFailure(e -> !(e instanceof Halted || e instanceof JobLease.Lost))
                            .recoverWithUni(e -> failed(job, e))
                            .onFailure(JobLease.Lost.class).invoke(e -> Log.warnf("%s; this instance stops it",
                                    e.getMessage()))
                            .onFailure(JobLease.Lost.class).recoverWithNull()
                            .onTermination().invoke(() -> vertx.cancelTimer(renewal))
                            .invoke(() -> Log.infof("report job %s: %d rows in %.2f s", job.id, job.rowsTotal,
                                    (System.nanoTime() - began) / 1e9))
                            .chain(this::drain);
                });
    }

    private void renew(ReportJob job) {
        if (halted) {
            return;
        }
        onNewContext(() -> lease().renew(job.id).subscribe().with(mine -> {
            if (!mine) {
                Log.warnf("report job %s: the lease was taken over; this instance stops at its next chunk", job.id);
            }
        }, e -> Log.warnf(e, "report job %s: could not renew the lease", job.id)));
    }

    /** Called before each chunk: stops the runner when a test has it halt here. */
    private void checkpoint() {
        if (halted || chunksBeforeHalt.getAndUpdate(n -> n > 0 ? n - 1 : n) == 0) {
            stop();
            throw new Halted();
        }
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
                return Panache.withTransaction(() -> lease().fence(job.id).chain(() -> whole(job, entries, jurisdiction)))
                        .onFailure(ReportJobRunner::retryable).retry().atMost(ATTEMPTS - 1)
                        .invoke(relay::kick)
                        .onFailure(Rejected.class).recoverWithUni(e -> Panache.withTransaction(() -> lease().fence(job.id)
                                .chain(() -> reject(job, (Rejected) e))));
            }
            return goodRows(job, entries, jurisdiction);
        });
    }

    /** A row of the file: readable ({@code row}) or not ({@code errors}). */
    private record Entry(int row, BulkRow bulkRow, List<RowError> errors) {
    }

    private static boolean retryable(Throwable e) {
        return e instanceof BulkWriter.ConcurrentChange || UniqueViolation.is(e);
    }

    /** What a job's chunks came to so far. */
    private static final class Tally {
        final List<RowError> errors = new ArrayList<>();
        int created;
        int revised;
        int unchanged;

        void count(List<BulkReports.Outcome> outcomes) {
            for (BulkReports.Outcome o : outcomes) {
                switch (o) {
                    case BulkReports.Create c -> created++;
                    case BulkReports.Revise r -> revised++;
                    case BulkReports.Unchanged u -> unchanged++;
                    case BulkReports.Refused r -> errors.addAll(r.errors());
                }
            }
        }

        int failedRows() {
            return (int) errors.stream().mapToInt(RowError::row).distinct().count();
        }
    }

    /** An all-or-nothing job met rows that break rules: its transaction rolls back and the errors are recorded apart. */
    private static final class Rejected extends RuntimeException {
        final transient Tally tally;
        final int rows;

        Rejected(Tally tally, int rows) {
            super(tally.failedRows() + " of " + rows + " rows break rules", null, false, false);
            this.tally = tally;
            this.rows = rows;
        }
    }

    /**
     * All-or-nothing and dry runs, in one transaction: each chunk is checked and, while no row has
     * broken a rule, written at once into the open transaction, so memory holds one chunk's outcomes,
     * not the whole upload's. The first refused row stops the writing (the rest is only checked) and
     * the transaction rolls back: nothing is visible and no event exists until every row has passed.
     */
    private Uni<Void> whole(ReportJob job, List<Entry> entries, Jurisdiction jurisdiction) {
        Set<String> seen = new HashSet<>();
        Tally tally = new Tally();
        int chunk = config.chunkRows();
        long began = System.nanoTime();
        return eachChunk(entries, 0, part -> {
            checkpoint();
            return screen(part, jurisdiction, seen).chain(outcomes -> {
                tally.count(outcomes);
                if (job.dryRun || !tally.errors.isEmpty()) {
                    return Uni.createFrom().voidItem();
                }
                return writer.write(outcomes, job.submittedBy, chunk).chain(w -> saveResults(job, w.results()));
            });
        }).chain(() -> {
            Log.infof("report job %s: %d rows checked%s in %.2f s", job.id, entries.size(), job.dryRun ? "" : " and written",
                    (System.nanoTime() - began) / 1e9);
            if (!job.dryRun && !tally.errors.isEmpty()) {
                throw new Rejected(tally, entries.size());
            }
            return reload(job).chain(j -> {
                j.rowsTotal = entries.size();
                j.rowsDone = entries.size();
                j.rowsFailed = tally.failedRows();
                j.created = tally.created;
                j.revised = tally.revised;
                j.unchanged = tally.unchanged;
                j.state = ReportJob.State.COMPLETED;
                j.detail = job.dryRun ? "dry run: nothing was stored; the counts say what the job would do" : null;
                j.finishedAt = OffsetDateTime.now(clock);
                return saveErrors(job, tally.errors).chain(() -> finish(j));
            });
        });
    }

    /**
     * Runs {@code step} on each chunk of the entries from {@code first} on, one after the other. A
     * chain of Unis built up front (one {@code chain} per chunk) keeps every finished chunk's
     * statements and events reachable until the last one ends; concatenation lets each go.
     */
    private Uni<Void> eachChunk(List<Entry> entries, int first, Function<List<Entry>, Uni<Void>> step) {
        int chunk = config.chunkRows();
        List<Integer> starts = new ArrayList<>();
        for (int from = first; from < entries.size(); from += chunk) {
            starts.add(from);
        }
        return Multi.createFrom().iterable(starts)
                .onItem().transformToUniAndConcatenate(from -> step.apply(entries.subList(from,
                        Math.min(entries.size(), from + chunk))))
                .collect().last().replaceWithVoid();
    }

    /** Records an all-or-nothing job whose rows broke rules (its own transaction rolled back). */
    private Uni<Void> reject(ReportJob job, Rejected rejected) {
        return reload(job).chain(j -> {
            int failedRows = rejected.tally.failedRows();
            j.rowsTotal = rejected.rows;
            j.rowsDone = rejected.rows;
            j.rowsFailed = failedRows;
            j.created = 0;
            j.revised = 0;
            j.unchanged = 0;
            j.state = ReportJob.State.REJECTED;
            j.detail = failedRows + " of " + rejected.rows + " rows break rules; nothing was stored. "
                    + "Fix them, or send mode=good-rows to store the other rows";
            j.finishedAt = OffsetDateTime.now(clock);
            return saveErrors(job, rejected.tally.errors).chain(() -> finish(j));
        });
    }

    /** Good rows: each chunk commits with the job's progress, so a restart goes on after it. */
    private Uni<Void> goodRows(ReportJob job, List<Entry> entries, Jurisdiction jurisdiction) {
        int chunk = config.chunkRows();
        Set<String> seen = new HashSet<>();
        Uni<Void> chunks = eachChunk(entries, job.rowsDone, part -> {
            checkpoint();
            return Panache.withTransaction(() -> {
                // A retried chunk must not see its own keys as earlier rows.
                Set<String> attempt = new HashSet<>(seen);
                return lease().fence(job.id).chain(() -> screen(part, jurisdiction, attempt)).chain(outcomes -> {
                    Tally tally = new Tally();
                    tally.count(outcomes);
                    return writer.write(outcomes, job.submittedBy, chunk).call(w -> saveResults(job, w.results()))
                            .chain(w -> reload(job).chain(j -> {
                        j.rowsTotal = entries.size();
                        j.rowsDone += part.size();
                        j.rowsFailed += tally.failedRows();
                        j.created += w.created();
                        j.revised += w.revised();
                        j.unchanged += tally.unchanged;
                        return saveErrors(job, tally.errors).invoke(() -> seen.addAll(attempt)).replaceWith(j);
                    }));
                });
            }).onFailure(ReportJobRunner::retryable).retry().atMost(ATTEMPTS - 1).invoke(relay::kick).replaceWithVoid();
        });
        return chunks.chain(() -> Panache.withTransaction(() -> lease().fence(job.id).chain(() -> reload(job)).chain(j -> {
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

    private static Uni<ReportJob> reload(ReportJob job) {
        return ReportJob.<ReportJob>findById(job.id);
    }

    private Uni<Void> saveErrors(ReportJob job, List<RowError> errors) {
        if (errors.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<Integer, Integer> perRow = new HashMap<>();
        Columns rows = new Columns(5);
        for (RowError e : errors) {
            int n = perRow.merge(e.row(), 1, Integer::sum);
            rows.add(String.valueOf(e.row()), String.valueOf(n), e.field(), e.rule(), e.message());
        }
        return BulkSql.executeWith("insert into report_job_error (job_id, row_no, n, field, rule, message) select "
                + "cast(?6 as uuid), cast(e.row_no as int), cast(e.n as int), e.field, e.rule, e.message from "
                + Columns.unnest(5) + " as e(row_no, n, field, rule, message)", rows.with(job.id))
                .replaceWithVoid();
    }

    private Uni<Void> saveResults(ReportJob job, List<BulkReports.RowResult> results) {
        if (results.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Columns rows = new Columns(4);
        for (BulkReports.RowResult r : results) {
            rows.add(String.valueOf(r.row()), r.reportId().toString(), String.valueOf(r.revision()), r.outcome());
        }
        return BulkSql.executeWith("insert into report_job_result (job_id, row_no, report_id, revision, outcome) select "
                + "cast(?5 as uuid), cast(x.row_no as int), cast(x.report_id as uuid), cast(x.revision as int), x.outcome "
                + "from " + Columns.unnest(4) + " as x(row_no, report_id, revision, outcome)", rows.with(job.id))
                .replaceWithVoid();
    }

    /** The upload is dropped once the job has finished. */
    private static Uni<Void> finish(ReportJob j) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from report_job_upload where job_id = ?1")
                .setParameter(1, j.id).executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> failed(ReportJob job, Throwable e) {
        Log.errorf(e, "report job %s failed", job.id);
        return Panache.withTransaction(() -> lease().fence(job.id).chain(() -> reload(job)).chain(j -> {
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
