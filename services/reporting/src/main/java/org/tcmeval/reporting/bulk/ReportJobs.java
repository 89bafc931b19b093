package org.tcmeval.reporting.bulk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import jakarta.ws.rs.core.Response;
import org.tcmeval.support.idempotency.Idempotency;
import org.tcmeval.support.persistence.SessionSql;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.security.Roles;

/** Accepts bulk report jobs and answers their state and errors; {@link ReportJobRunner} processes them. */
@ApplicationScoped
public class ReportJobs {

    @Inject
    ReportJobConfig config;

    @Inject
    ReportJobRunner runner;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    /**
     * Checks the file as a whole (size, encoding, syntax, header), records the job with its upload and
     * answers once both are committed; the runner is told afterwards.
     *
     * @param answer builds the 202 from the recorded job
     */
    public Uni<Response> accept(byte[] body, String contentType, ReportJob.Mode mode, boolean dryRun, String key,
            Jurisdiction jurisdiction, String who, Function<ReportJob, Response> answer) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("body", "required", "send the reports as CSV or JSON");
        }
        checkSize(body.length, config.maxBytes());
        ReportRows.Format format = ReportRows.format(contentType);
        // The syntax check and the fingerprint each read the whole file: on two cores they run side by side.
        Uni<Integer> counted = OffLoop.run(() -> ReportRows.check(format, body));
        Uni<String> hashed = OffLoop.run(() -> hash(format + "|" + mode + "|" + dryRun + "|", body));
        return Uni.combine().all().unis(counted, hashed).asTuple().chain(checked -> {
            int rows = checked.getItem1();
            if (rows == 0) {
                throw ProblemException.invalid("body", "rows", "the upload holds no report rows");
            }
            return idempotency.once(key, who + ":report-job", checked.getItem2(), () -> {
                ReportJob job = new ReportJob();
                job.id = UUID.randomUUID();
                job.submittedBy = who;
                job.divisionCode = jurisdiction.divisionCode();
                job.roles = String.join(" ", new TreeSet<>(jurisdiction.roles()));
                job.format = format;
                job.mode = mode;
                job.dryRun = dryRun;
                job.state = ReportJob.State.QUEUED;
                job.rowsTotal = rows;
                job.createdAt = OffsetDateTime.now(clock);
                // A plain statement (it flushes the job's insert first): an entity would keep a copy of
                // the whole upload as its snapshot, for a row that is never updated.
                return job.persist().chain(() -> SessionSql.update("insert into report_job_upload (job_id, body) "
                        + "values ($1, $2)", job.id, Buffer.buffer(body))).map(ignored -> answer.apply(job));
            });
        }).invoke(runner::kick);
    }

    public static void checkSize(long length, long max) {
        if (length > max) {
            throw ProblemException.payloadTooLarge("the upload is larger than " + max / (1024 * 1024) + " MB (" + max
                    + " bytes); split it, e.g. by city or county");
        }
    }

    /** The job, if the caller submitted it or oversees its submitter's jurisdiction; else 404. */
    public Uni<ReportJob> get(UUID id, Jurisdiction jurisdiction, String who) {
        return Panache.withSession(() -> ReportJob.<ReportJob>findById(id)).map(job -> {
            if (job == null || !(who.equals(job.submittedBy) || (jurisdiction.covers(job.divisionCode)
                    && (jurisdiction.hasRole(Roles.PROVINCE_ADMIN) || jurisdiction.hasRole(Roles.PLATFORM_INTEGRATION)
                            || jurisdiction.hasRole(Roles.COUNTY_REVIEWER))))) {
                throw ProblemException.notFound("report job " + id);
            }
            return job;
        });
    }

    /** The job's row errors in row order. */
    public Uni<List<RowError>> errors(UUID id, Jurisdiction jurisdiction, String who) {
        return get(id, jurisdiction, who).chain(job -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select row_no, field, rule, message from report_job_error "
                        + "where job_id = ?1 order by row_no, n", Object[].class).setParameter(1, id).getResultList())))
                .map(rows -> {
                    List<RowError> out = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        out.add(new RowError(((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3]));
                    }
                    return out;
                });
    }

    /** What each stored row of the job became, in row order. */
    public Uni<List<BulkReports.RowResult>> results(UUID id, Jurisdiction jurisdiction, String who) {
        return get(id, jurisdiction, who).chain(job -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select row_no, cast(report_id as text), revision, outcome from "
                        + "report_job_result where job_id = ?1 order by row_no", Object[].class).setParameter(1, id)
                        .getResultList())))
                .map(rows -> {
                    List<BulkReports.RowResult> out = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        out.add(new BulkReports.RowResult(((Number) r[0]).intValue(), UUID.fromString((String) r[1]),
                                ((Number) r[2]).intValue(), (String) r[3]));
                    }
                    return out;
                });
    }

    private static String hash(String prefix, byte[] body) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(prefix.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
