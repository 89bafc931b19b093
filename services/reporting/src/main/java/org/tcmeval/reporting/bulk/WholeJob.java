package org.tcmeval.reporting.bulk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.HashSet;
import org.tcmeval.support.security.Jurisdiction;

/**
 * An all-or-nothing job or a dry run, in one transaction: each chunk is checked (ahead, while the
 * chunk before it is written: {@link ChunkPipeline}) and, while no row has broken a rule, written
 * into the open transaction, so memory holds one chunk's
 * outcomes, not the whole upload's. The first refused row stops the writing (the rest is only
 * checked) and the transaction rolls back: nothing is visible and no event exists until every row
 * has passed. A job whose rows broke rules is then recorded REJECTED with its errors, apart.
 */
final class WholeJob {

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

    private final JobTools t;

    WholeJob(JobTools t) {
        this.t = t;
    }

    Uni<Void> run(ReportJob job, Jurisdiction jurisdiction) {
        return Panache.withTransaction(() -> t.lease().fence(job.id).chain(() -> checkAndWrite(job, jurisdiction)))
                .onFailure(ReportJobRunner::retryable).retry().atMost(ReportJobRunner.ATTEMPTS - 1)
                .invoke(t.relay()::kick)
                .onFailure(Rejected.class).recoverWithUni(e -> Panache.withTransaction(() -> t.lease().fence(job.id)
                        .chain(() -> reject(job, (Rejected) e))));
    }

    private Uni<Void> checkAndWrite(ReportJob job, Jurisdiction jurisdiction) {
        Tally tally = new Tally();
        long began = System.nanoTime();
        // A retried attempt reads the upload again from its first row.
        RowSlices slices = t.rows().from(0);
        return t.pipeline().run(slices, new HashSet<>(), jurisdiction, !job.dryRun, s -> {
            tally.count(s.outcomes());
            if (job.dryRun || !tally.errors.isEmpty()) {
                return Uni.createFrom().item(s.seenAfter());
            }
            return t.writer().write(s.prepared(), job.submittedBy)
                    .chain(w -> JobRecords.saveResults(job, w.results())).replaceWith(s.seenAfter());
        }).chain(() -> {
            int rows = slices.taken();
            Log.infof("report job %s: %d rows checked%s in %.2f s", job.id, rows, job.dryRun ? "" : " and written",
                    (System.nanoTime() - began) / 1e9);
            if (!job.dryRun && !tally.errors.isEmpty()) {
                throw new Rejected(tally, rows);
            }
            return JobRecords.reload(job).chain(j -> {
                j.rowsTotal = rows;
                j.rowsDone = rows;
                j.rowsFailed = tally.failedRows();
                j.created = tally.created;
                j.revised = tally.revised;
                j.unchanged = tally.unchanged;
                j.state = ReportJob.State.COMPLETED;
                j.detail = job.dryRun ? "dry run: nothing was stored; the counts say what the job would do" : null;
                j.finishedAt = OffsetDateTime.now(t.clock());
                return JobRecords.saveErrors(job, tally.errors).chain(() -> JobRecords.finish(j));
            });
        });
    }

    /** Records an all-or-nothing job whose rows broke rules (its own transaction rolled back). */
    private Uni<Void> reject(ReportJob job, Rejected rejected) {
        return JobRecords.reload(job).chain(j -> {
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
            j.finishedAt = OffsetDateTime.now(t.clock());
            return JobRecords.saveErrors(job, rejected.tally.errors).chain(() -> JobRecords.finish(j));
        });
    }
}
