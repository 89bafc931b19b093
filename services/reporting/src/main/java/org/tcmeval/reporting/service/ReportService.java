package org.tcmeval.reporting.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.Map;
import java.util.UUID;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.events.Topics;
import org.tcmeval.reporting.ReportRules;
import org.tcmeval.reporting.ReportStatus;
import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.reporting.ReportVersion;
import org.tcmeval.events.FiguresJson;
import org.tcmeval.directory.InstitutionRefRepository;
import org.tcmeval.reporting.repository.ReportRepository;
import org.tcmeval.reporting.rest.ReportRequest;
import org.tcmeval.support.outbox.Outbox;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;

/** Accepts reports and their corrections; each accepted version is published as {@code report-submitted}. */
@ApplicationScoped
public class ReportService {

    static final String SOURCE = "/reporting";

    @Inject
    ReportRepository reports;

    @Inject
    InstitutionRefRepository institutions;

    @Inject
    Outbox outbox;

    /** Files version 1 of a report. Runs in the caller's transaction. */
    public Uni<ReportSubmission> submit(ReportRequest request, Jurisdiction jurisdiction, String submittedBy) {
        validate(request.period(), request.figures());
        return institutions.findById(request.institutionId()).flatMap(inst -> {
            if (inst == null || !jurisdiction.covers(inst.divisionCode)) {
                throw ProblemException.unprocessable("institutionId", "known-institution", "institution "
                        + request.institutionId() + " is not registered or is outside your jurisdiction (a just-"
                        + "registered institution reaches reporting within seconds; retry then)");
            }
            return reports.findByInstitutionAndPeriod(request.institutionId(), request.period()).flatMap(existing -> {
                if (existing != null) {
                    throw ProblemException.conflict("report-exists", "a report for period " + request.period()
                            + " already exists (" + existing.id + "); correct it with PUT /api/v1/reports/" + existing.id);
                }
                ReportSubmission r = new ReportSubmission();
                r.id = UUID.randomUUID();
                r.institutionId = inst.id;
                r.divisionCode = inst.divisionCode;
                r.period = request.period();
                r.year = ReportRules.yearOf(request.period());
                r.status = ReportStatus.SUBMITTED;
                r.createdAt = OffsetDateTime.now();
                r.updatedAt = r.createdAt;
                return reports.persist(r).flatMap(saved -> addVersion(saved, request.figures(), submittedBy));
            });
        });
    }

    /** Files a correction as a new version; {@code expectedVersion} guards against lost updates. */
    public Uni<ReportSubmission> correct(UUID reportId, Map<String, BigDecimal> figures, int expectedVersion,
            Jurisdiction jurisdiction, String submittedBy) {
        return get(reportId, jurisdiction).flatMap(r -> {
            validate(r.period, figures);
            if (r.currentVersion != expectedVersion) {
                throw ProblemException.stale("report is at version "
                        + r.currentVersion + ", not " + expectedVersion + "; read it again");
            }
            return addVersion(r, figures, submittedBy);
        });
    }

    /** 404 for a report outside the caller's jurisdiction, so its existence is not revealed. */
    public Uni<ReportSubmission> get(UUID id, Jurisdiction jurisdiction) {
        return reports.findById(id).map(r -> {
            if (r == null || !jurisdiction.covers(r.divisionCode)) {
                throw ProblemException.notFound("report " + id);
            }
            return r;
        });
    }

    @WithSession
    public Uni<ReportVersion> current(ReportSubmission r) {
        return reports.version(r.id, r.currentVersion);
    }

    private Uni<ReportSubmission> addVersion(ReportSubmission r, Map<String, BigDecimal> figures, String submittedBy) {
        ReportVersion v = new ReportVersion();
        v.key = new ReportVersion.Key(r.id, r.currentVersion + 1);
        v.figures = FiguresJson.write(figures);
        v.submittedBy = submittedBy;
        v.submittedAt = OffsetDateTime.now();
        r.currentVersion = v.key.version();
        r.updatedAt = v.submittedAt;
        ReportSubmitted data = new ReportSubmitted(r.id.toString(), r.currentVersion, r.institutionId.toString(),
                r.divisionCode, r.year, r.period, figures, v.submittedAt);
        return reports.persistVersion(v)
                .flatMap(ignored -> outbox.enqueue(Topics.REPORT_SUBMITTED, r.institutionId.toString(),
                        EventEnvelope.of(SOURCE, EventTypes.REPORT_SUBMITTED, r.id.toString(), ReportSubmitted.VERSION,
                                data)))
                .invoke(() -> Log.debugf("report %s version %d accepted", r.id, r.currentVersion))
                .replaceWith(r);
    }

    private static void validate(String period, Map<String, BigDecimal> figures) {
        var errors = ReportRules.check(period, figures, Year.now().getValue());
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }
}
