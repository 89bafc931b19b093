package org.tcmeval.reporting.bulk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tcmeval.support.security.Jurisdiction;

/**
 * A good-rows job: each chunk commits its reports, events, row errors and the job's progress in one
 * transaction, so a restart (or another instance taking the job over) goes on after the last
 * chunk committed. Each chunk is checked ahead, while the one before it is written
 * ({@link ChunkPipeline}); chunks commit in file order.
 */
final class GoodRowsJob {

    private final JobTools t;

    GoodRowsJob(JobTools t) {
        this.t = t;
    }

    Uni<Void> run(ReportJob job, Jurisdiction jurisdiction) {
        // Taken over (or resumed) after committed chunks: their reporters are earlier rows of this job too.
        Uni<Set<String>> earlier = job.rowsDone == 0 ? Uni.createFrom().item(new HashSet<>())
                : Panache.withSession(() -> JobRecords.filedKeys(job));
        return earlier.chain(seen -> chunksFrom(job, jurisdiction, seen));
    }

    private Uni<Void> chunksFrom(ReportJob job, Jurisdiction jurisdiction, Set<String> seen) {
        // The job's total was counted when the upload was accepted (the whole file is read there).
        int total = job.rowsTotal;
        Uni<Void> all = t.pipeline().run(t.rows().from(job.rowsDone), seen, jurisdiction, true, s -> Panache.withTransaction(
                () -> t.lease().fence(job.id).chain(() -> commit(job, total, s.part().size(), s.outcomes(),
                        s.prepared())))
                .replaceWith(s.seenAfter())
                .onFailure(ReportJobRunner::retryable).recoverWithUni(e -> again(job, total, s, jurisdiction))
                .invoke(t.relay()::kick));
        return all.chain(() -> Panache.withTransaction(() -> t.lease().fence(job.id).chain(() -> JobRecords.reload(job))
                .chain(j -> {
                    j.state = ReportJob.State.COMPLETED;
                    j.finishedAt = OffsetDateTime.now(t.clock());
                    return JobRecords.finish(j);
                })));
    }

    /**
     * A chunk whose write found the database changed since it was checked ahead: checked again inside
     * its transaction and written, as often as a job's chunk is tried; answers the keys seen after it.
     */
    private Uni<Set<String>> again(ReportJob job, int total, ChunkPipeline.Screened s, Jurisdiction jurisdiction) {
        return Panache.withTransaction(() -> {
            // A retried chunk must not see its own keys as earlier rows.
            Set<String> attempt = new HashSet<>(s.seenBefore());
            return t.lease().fence(job.id).chain(() -> t.chunks().screen(s.part(), jurisdiction, attempt))
                    .chain(outcomes -> commit(job, total, s.part().size(), outcomes, t.writer().prepare(outcomes)))
                    .replaceWith(attempt);
        }).onFailure(ReportJobRunner::retryable).retry().atMost(ReportJobRunner.ATTEMPTS - 2);
    }

    /** Writes a checked chunk with its results and errors and moves the job's progress past it. */
    private Uni<Void> commit(ReportJob job, int total, int rows, List<BulkReports.Outcome> outcomes,
            BulkWriter.Prepared prepared) {
        Tally tally = new Tally();
        tally.count(outcomes);
        return t.writer().write(prepared, job.submittedBy)
                .call(w -> JobRecords.saveResults(job, w.results()))
                .chain(w -> JobRecords.reload(job).chain(j -> {
                    j.rowsTotal = total;
                    j.rowsDone += rows;
                    j.rowsFailed += tally.failedRows();
                    j.created += w.created();
                    j.revised += w.revised();
                    j.unchanged += tally.unchanged;
                    return JobRecords.saveErrors(job, tally.errors);
                }));
    }
}
