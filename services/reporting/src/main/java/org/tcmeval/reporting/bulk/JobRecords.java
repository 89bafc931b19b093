package org.tcmeval.reporting.bulk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tcmeval.support.persistence.BulkSql;

/** What a job stores about itself besides reports: its row errors, its row results, and its end. */
final class JobRecords {

    private JobRecords() {
    }

    /** The job as stored now (its counts are changed on this managed copy). */
    static Uni<ReportJob> reload(ReportJob job) {
        return ReportJob.<ReportJob>findById(job.id);
    }

    /**
     * The reporter-and-period keys ({@code reporterId|period}) of the reports the job's committed
     * chunks created, revised or left unchanged: what {@code BulkReports.screen} calls seen.
     */
    static Uni<Set<String>> filedKeys(ReportJob job) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select r.reporter_id || '|' || r.period from "
                + "report_job_result x join report r on r.id = x.report_id where x.job_id = ?1", String.class)
                .setParameter(1, job.id).getResultList()).map(HashSet::new);
    }

    static Uni<Void> saveErrors(ReportJob job, List<RowError> errors) {
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

    static Uni<Void> saveResults(ReportJob job, List<BulkReports.RowResult> results) {
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
    static Uni<Void> finish(ReportJob j) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from report_job_upload where job_id = ?1")
                .setParameter(1, j.id).executeUpdate()).replaceWithVoid();
    }

    /** Records a job that could not be processed (not one whose rows broke rules). */
    static Uni<Void> failed(ReportJob job, Throwable e, JobLease lease, Clock clock) {
        Log.errorf(e, "report job %s failed", job.id);
        return Panache.withTransaction(() -> lease.fence(job.id).chain(() -> JobRecords.reload(job)).chain(j -> {
            j.state = ReportJob.State.FAILED;
            j.detail = "the job could not be processed: " + e.getMessage()
                    + (j.mode == ReportJob.Mode.ALL_OR_NOTHING ? "; nothing was stored" : "; rows before row "
                            + (j.rowsDone + 1) + " were processed");
            j.finishedAt = OffsetDateTime.now(clock);
            return JobRecords.finish(j);
        })).onFailure().invoke(f -> Log.errorf(f, "could not record the failure of report job %s", job.id))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
