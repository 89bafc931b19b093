package org.tcmeval.reporting.bulk;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.FiguresJson;
import org.tcmeval.events.Json;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.events.Topics;
import org.tcmeval.reporting.ReportDiff;
import org.tcmeval.reporting.ReportPeriod;
import org.tcmeval.reporting.ReportStatus;
import org.tcmeval.reporting.bulk.BulkReports.Create;
import org.tcmeval.reporting.bulk.BulkReports.Existing;
import org.tcmeval.reporting.bulk.BulkReports.Outcome;
import org.tcmeval.reporting.bulk.BulkReports.Refused;
import org.tcmeval.reporting.bulk.BulkReports.Reporter;
import org.tcmeval.reporting.bulk.BulkReports.Revise;
import org.tcmeval.reporting.bulk.BulkReports.RowResult;
import org.tcmeval.reporting.bulk.BulkReports.Unchanged;
import org.tcmeval.support.outbox.Outbox;
import org.tcmeval.support.persistence.SessionSql;


/**
 * Stores checked rows of a bulk report job (批量上报): reports, their versions and their
 * {@code report-submitted} events, one set-based statement per table for a whole chunk, inside the
 * caller's transaction. The checks that decide what to store are {@link BulkReports}'.
 */
@ApplicationScoped
public class BulkWriter {

    @Inject
    Clock clock;

    private static final String INSERT_REPORTS = SessionSql.positional("insert into report (id, "
            + "reporter_kind, reporter_id, institution_id, institution_type, division_code, period, year, "
            + "current_version, status, revision, first_submitted_at, created_at, updated_at) "
            + "select cast(r.id as uuid), r.kind, r.reporter_id, cast(r.institution_id as uuid), r.type, r.division, "
            + "r.period, cast(r.year as int), 1, 'SUBMITTED', 1, a.at, a.at, a.at from " + Columns.unnest(8)
            + " as r(id, kind, reporter_id, institution_id, type, division, period, year), "
            + "(select cast(?9 as timestamptz) as at) a");
    private static final String UPDATE_REPORTS = SessionSql.positional("update report r set "
            + "current_version = cast(x.version as int), revision = cast(x.revision as int), status = 'SUBMITTED', "
            + "updated_at = a.at, first_submitted_at = coalesce(r.first_submitted_at, a.at) from " + Columns.unnest(4)
            + " as x(id, version, revision, expected), (select cast(?5 as timestamptz) as at) a "
            + "where r.id = cast(x.id as uuid) and r.revision = cast(x.expected as int)");
    private static final String INSERT_VERSIONS = SessionSql.positional("insert into report_version (report_id, "
            + "version, figures, techniques, changes, status, submitted_by, submitted_at) select cast(v.id as uuid), cast(v.version as int), "
            + "cast(v.figures as jsonb), v.techniques, cast(v.changes as jsonb), 'SUBMITTED', a.who, a.at from "
            + Columns.unnest(5) + " as v(id, version, figures, techniques, changes), "
            + "(select cast(?6 as text) as who, cast(?7 as timestamptz) as at) a");

    /** Thrown when a report changed between the check and the write; the chunk is checked and written again. */
    public static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange(String message) {
            super(message);
        }
    }

    /**
     * A checked chunk as its statements bind it: ids drawn, figures and events serialised. Built by
     * {@link #prepare} on the checks' event loop while the chunk before is still being written, so a
     * chunk's transaction (the job's critical path) only sends it.
     */
    record Prepared(Columns reports, Columns updates, Columns versions, List<Outbox.Serialized> events,
            List<RowResult> results, OffsetDateTime now) {
    }

    /** The statements' parameters for checked rows; plain Java, no database. */
    Prepared prepare(List<BulkReports.Outcome> outcomes) {
        // Scalars are bound as their own types: the driver encodes a parameter as the type the server infers from the cast.
        OffsetDateTime now = OffsetDateTime.now(clock);
        Columns reports = new Columns(8);
        Columns updates = new Columns(4);
        Columns versions = new Columns(5);
        List<Outbox.Serialized> events = new ArrayList<>();
        List<RowResult> results = new ArrayList<>();
        for (Outcome o : outcomes) {
            switch (o) {
                case Unchanged u -> results.add(new RowResult(u.row(), u.existing().id(), u.existing().revision(),
                        "UNCHANGED"));
                case Create c -> {
                    UUID id = UUID.randomUUID();
                    Reporter rep = c.reporter();
                    int year = ReportPeriod.parse(c.period()).orElseThrow().year();
                    reports.add(id.toString(), rep.kind().name(), rep.reporterId(),
                            rep.institutionId() == null ? null : rep.institutionId().toString(),
                            rep.type() == null ? null : rep.type().name(), rep.divisionCode(), c.period(),
                            String.valueOf(year));
                    results.add(new RowResult(c.row(), id, 1, "CREATED"));
                    versions.add(id.toString(), "1", FiguresJson.write(c.figures()), techniques(c.techniques()), null);
                    events.add(event(new ReportSubmitted(id.toString(), 1, 1, rep.kind().name(), rep.reporterId(),
                            rep.institutionId() == null ? null : rep.institutionId().toString(),
                            rep.type() == null ? null : rep.type().name(), rep.divisionCode(), year, c.period(),
                            ReportStatus.SUBMITTED.name(), c.figures(), c.techniques(), now, now)));
                }
                case Revise r -> {
                    Existing e = r.existing();
                    int version = e.currentVersion() + 1;
                    int revision = e.revision() + 1;
                    updates.add(e.id().toString(), String.valueOf(version), String.valueOf(revision),
                            String.valueOf(e.revision()));
                    results.add(new RowResult(r.row(), e.id(), revision, "REVISED"));
                    String changes = e.currentVersion() == 0 ? null : Json.write(ReportDiff.between(e.figures(), r.figures()));
                    versions.add(e.id().toString(), String.valueOf(version), FiguresJson.write(r.figures()),
                            techniques(r.techniques()), changes);
                    events.add(event(new ReportSubmitted(e.id().toString(), version, revision, e.reporterKind(),
                            e.reporterId(), e.institutionId() == null ? null : e.institutionId().toString(),
                            e.institutionType(), e.divisionCode(), e.year(), e.period(), ReportStatus.SUBMITTED.name(),
                            r.figures(), r.techniques(), now, now)));
                }
                case Refused f -> {
                }
            }
        }
        return new Prepared(reports, updates, versions, events, results, now);
    }

    /** Stores the creates and revisions of a prepared chunk with their versions and events. */
    Uni<BulkReports.Written> write(Prepared p, String who) {
        Columns reports = p.reports();
        Columns updates = p.updates();
        OffsetDateTime now = p.now();
        List<RowResult> results = p.results();
        if (reports.size() == 0 && updates.size() == 0) {
            return Uni.createFrom().item(new BulkReports.Written(0, 0, results));
        }
        // Columns travel as text arrays, one statement per table for the whole chunk, sent together.
        List<SessionSql.Statement> statements = new ArrayList<>(4);
        if (reports.size() > 0) {
            statements.add(new SessionSql.Statement(INSERT_REPORTS, reports.with(now)));
        }
        int revisions = statements.size();
        if (updates.size() > 0) {
            statements.add(new SessionSql.Statement(UPDATE_REPORTS, updates.with(now)));
        }
        // After the reports, on the same connection: the server runs them in the order sent.
        statements.add(new SessionSql.Statement(INSERT_VERSIONS, p.versions().with(who, now)));
        statements.add(Outbox.enqueueStatement(p.events()));
        return SessionSql.updateAll(statements).map(counts -> {
            if (updates.size() > 0 && counts.get(revisions) != updates.size()) {
                throw new ConcurrentChange((updates.size() - counts.get(revisions)) + " report(s) changed while the job ran");
            }
            return new BulkReports.Written(reports.size(), updates.size(), results);
        });
    }

    private static String techniques(List<String> techniques) {
        return techniques.isEmpty() ? null : Json.write(techniques);
    }

    private static Outbox.Serialized event(ReportSubmitted data) {
        return new Outbox.Pending(Topics.REPORT_SUBMITTED, ReportSubmitted.partitionKey(data.divisionCode()), EventEnvelope.of(BulkReports.SOURCE,
                EventTypes.REPORT_SUBMITTED, data.reportId(), ReportSubmitted.VERSION, data)).serialize();
    }
}
