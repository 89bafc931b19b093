package org.tcmeval.reporting.bulk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tcmeval.support.outbox.OutboxRelay;
import org.tcmeval.support.persistence.SessionSql;
import org.tcmeval.support.persistence.UniqueViolation;
import org.tcmeval.support.security.Jurisdiction;

/**
 * Works through accepted jobs, oldest first, in the background. Several instances of reporting may
 * run: each job is claimed with a lease ({@link JobLease}, V22) renewed while it runs, so two
 * instances never run the same job, and a job whose instance died is taken over once its lease
 * has run out (every instance looks for such jobs once per lease). An all-or-nothing job (and a
 * dry run) starts again from its first row, since nothing of it was stored; a good-rows job goes on
 * after the last chunk it committed, because each chunk commits its reports, events, row errors and
 * the job's progress in one transaction. This class claims, renews and hands over; {@link WholeJob}
 * and {@link GoodRowsJob} do the work, chunk by chunk ({@link JobChunks}).
 */
@ApplicationScoped
public class ReportJobRunner {

    /** How often a job (all-or-nothing) or a chunk (good rows) is tried when it met a concurrent change. */
    static final int ATTEMPTS = 3;

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
    private final Halt halt = new Halt(this::stop);
    private volatile long pollTimer = -1;

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
        halt.set();
        vertx.cancelTimer(pollTimer);
    }

    boolean halted() {
        return halt.halted();
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
        halt.after(chunks);
    }

    /** Runs {@code hook} before each chunk is written, after it was checked: tests race a chunk's write with it. */
    void beforeEachChunk(Runnable hook) {
        halt.beforeEach(hook);
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
        if (halt.halted() || !running.compareAndSet(false, true)) {
            return;
        }
        again = false;
        onNewContext(() -> drain().subscribe().with(n -> done(), e -> {
            if (!(e instanceof Halt.Halted)) {
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
                            .onFailure(e -> !(e instanceof Halt.Halted || e instanceof JobLease.Lost))
                            .recoverWithUni(e -> JobRecords.failed(job, e, lease(), clock))
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
        if (halt.halted()) {
            return;
        }
        onNewContext(() -> lease().renew(job.id).subscribe().with(mine -> {
            if (!mine) {
                Log.warnf("report job %s: the lease was taken over; this instance stops at its next chunk", job.id);
            }
        }, e -> Log.warnf(e, "report job %s: could not renew the lease", job.id)));
    }

    private Uni<Void> run(ReportJob job) {
        Jurisdiction jurisdiction = new Jurisdiction(job.divisionCode, new HashSet<>(Arrays.asList(job.roles.split(" "))));
        // The upload's bytes as the driver reads them: an entity would also keep a snapshot copy of them.
        return Panache.withSession(() -> SessionSql.select("select body from report_job_upload where job_id = $1",
                job.id)).chain(found -> {
            if (found.isEmpty()) {
                throw new IllegalStateException("the upload of job " + job.id + " is missing");
            }
            byte[] body = ((Buffer) found.getFirst()[0]).getBytes();
            JobChunks chunks = new JobChunks(bulk, config.chunkRows(), halt);
            JobTools.Rows rows = done -> new RowSlices(() -> ReportRows.open(job.format, body), chunks.chunkRows(),
                    done);
            JobTools tools = new JobTools(rows, chunks, new ChunkPipeline(chunks, writer, vertx), writer, lease(), relay, clock);
            if (job.dryRun || job.mode == ReportJob.Mode.ALL_OR_NOTHING) {
                return new WholeJob(tools).run(job, jurisdiction);
            }
            return new GoodRowsJob(tools).run(job, jurisdiction);
        });
    }

    /** A chunk or job that met a concurrent change is checked and written again, up to {@link #ATTEMPTS} times. */
    static boolean retryable(Throwable e) {
        return e instanceof BulkWriter.ConcurrentChange || UniqueViolation.is(e);
    }
}
