package org.tcmeval.reporting.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tcmeval.directory.InstitutionRef;
import org.tcmeval.directory.InstitutionRefRepository;
import org.tcmeval.reporting.ReportAction;
import org.tcmeval.reporting.ReportContent;
import org.tcmeval.reporting.ReportPeriod;
import org.tcmeval.reporting.ReportRules;
import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.reporting.ReporterKind;
import org.tcmeval.reporting.repository.ReportRepository;
import org.tcmeval.support.persistence.UniqueViolation;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.problem.ProblemType;

/**
 * Files reports and their corrections for institutions and for divisions. Each accepted change is
 * a new immutable version; {@link ReportWriter} moves the workflow and publishes the change.
 * Methods run in the caller's transaction.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    ReportRepository reports;

    @Inject
    InstitutionRefRepository institutions;

    @Inject
    ReportWriter writer;

    @Inject
    Clock clock;

    /** Files the first version of an institution's report. */
    public Uni<ReportSubmission> fileForInstitution(UUID institutionId, String period, ReportContent content,
            ReportAction action, Jurisdiction jurisdiction, String who) {
        requireRole(ReporterKind.INSTITUTION, jurisdiction);
        checkPeriod(period);
        return institutions.findById(institutionId).chain(inst -> {
            if (inst == null || !jurisdiction.covers(inst.divisionCode) || !isOwn(inst, jurisdiction)) {
                throw ProblemException.unprocessable("institutionId", "known-institution", "institution "
                        + institutionId + " is not registered or is outside your jurisdiction (a just-registered"
                        + " institution reaches reporting within seconds; retry then)");
            }
            requireOperating(inst, ReportPeriod.parse(period).orElseThrow());
            ReportSubmission r = newReport(ReporterKind.INSTITUTION, inst.id.toString(), inst.divisionCode, period);
            r.institutionId = inst.id;
            r.institutionType = inst.type;
            return create(r, content, action, who);
        });
    }

    /** Files the first version of a county's, city's or province's report about itself. */
    public Uni<ReportSubmission> fileForDivision(String divisionCode, String period, ReportContent content,
            ReportAction action, Jurisdiction jurisdiction, String who) {
        ReporterKind kind = ReporterKind.ofDivisionCode(divisionCode).orElseThrow(() -> ProblemException.invalid(
                "divisionCode", "division-report-level", "divisionCode must be a province (2 digits), city (4) or"
                        + " county (6) code; institutions report with institutionId"));
        requireRole(kind, jurisdiction);
        checkPeriod(period);
        if (!jurisdiction.covers(divisionCode)) {
            throw ProblemException.unprocessable("divisionCode", "within-jurisdiction", "division " + divisionCode
                    + " is outside your jurisdiction");
        }
        return create(newReport(kind, divisionCode, divisionCode, period), content, action, who);
    }

    /** Adds a version (a correction, a draft saved again, or a draft submitted). */
    public Uni<ReportSubmission> revise(UUID id, int expectedRevision, ReportContent content, ReportAction action,
            Jurisdiction jurisdiction, String who) {
        return get(id, jurisdiction).chain(r -> {
            requireRole(r.reporterKind, jurisdiction);
            if (r.revision != expectedRevision) {
                throw ProblemException.stale("report is at revision " + r.revision + ", not " + expectedRevision
                        + "; read it again");
            }
            return writer.addVersion(r, content, action, who);
        });
    }

    /**
     * 404 for a report outside the caller's jurisdiction, so its existence is not revealed; an
     * institution's own account sees only its institution's reports.
     */
    public Uni<ReportSubmission> get(UUID id, Jurisdiction jurisdiction) {
        return reports.findById(id).chain(r -> {
            if (r == null || !jurisdiction.covers(r.divisionCode)) {
                throw ProblemException.notFound("report " + id);
            }
            if (!jurisdiction.boundToInstitution()) {
                return Uni.createFrom().item(r);
            }
            return (r.institutionId == null ? Uni.createFrom().<InstitutionRef>nullItem()
                    : institutions.findById(r.institutionId)).map(inst -> {
                        if (inst == null || !isOwn(inst, jurisdiction)) {
                            throw ProblemException.notFound("report " + id);
                        }
                        return r;
                    });
        });
    }

    /**
     * The reporter id an institution's own account is limited to (its institution's id), {@code null}
     * for any other account; an account bound to an institution reporting does not know yet sees nothing.
     */
    @WithSession
    public Uni<String> ownReporter(Jurisdiction jurisdiction) {
        if (!jurisdiction.boundToInstitution()) {
            return Uni.createFrom().nullItem();
        }
        String claim = jurisdiction.institution();
        UUID id = asUuid(claim);
        Uni<InstitutionRef> found = id != null ? institutions.findById(id)
                : institutions.find("uscc", claim).firstResult();
        return found.map(inst -> inst == null ? "none:" + claim : inst.id.toString());
    }

    /** An institution's account is bound to it by its id or by its unified social credit code (统一社会信用代码). */
    static boolean isOwn(InstitutionRef inst, Jurisdiction jurisdiction) {
        String claim = jurisdiction.institution();
        return claim == null || claim.equals(inst.id.toString()) || claim.equals(inst.uscc);
    }

    private static UUID asUuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The report's current version. */
    public Uni<org.tcmeval.reporting.ReportVersion> current(ReportSubmission r) {
        return reports.version(r.id, r.currentVersion);
    }

    private Uni<ReportSubmission> create(ReportSubmission r, ReportContent content, ReportAction action, String who) {
        return reports.findByReporterAndPeriod(r.reporterId, r.period).chain(existing -> {
            if (existing != null) {
                throw exists(r.period, existing.id.toString());
            }
            // Its row is inserted with its first version; a rival that inserted the same reporter and period
            // first is found when the outbox insert flushes it, below, as a unique violation.
            return writer.addFirstVersion(r, content, action, who);
        }).onFailure(UniqueViolation::is).transform(e -> exists(r.period, null));
    }

    private static ProblemException exists(String period, String id) {
        return ProblemException.conflict(ProblemType.REPORT_EXISTS, "a report of this reporter for period " + period
                + " already exists" + (id == null ? "" : " (" + id + "); correct it with PUT /api/v1/reports/" + id));
    }

    private ReportSubmission newReport(ReporterKind kind, String reporterId, String divisionCode, String period) {
        ReportSubmission r = new ReportSubmission();
        r.id = UUID.randomUUID();
        r.reporterKind = kind;
        r.reporterId = reporterId;
        r.divisionCode = divisionCode;
        r.period = period;
        r.year = ReportPeriod.parse(period).orElseThrow().year();
        r.revision = 0;
        r.currentVersion = 0;
        r.createdAt = OffsetDateTime.now(clock);
        r.updatedAt = r.createdAt;
        return r;
    }

    private void checkPeriod(String period) {
        List<FieldError> errors = new ArrayList<>(ReportRules.checkPeriod(period, LocalDate.now(clock)));
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    private static void requireOperating(InstitutionRef inst, ReportPeriod period) {
        boolean opened = inst.openedOn == null || !inst.openedOn.isAfter(period.end());
        boolean open = inst.closedOn == null || !inst.closedOn.isBefore(period.start());
        if (!opened || !open) {
            throw ProblemException.unprocessable("institutionId", "operating-in-period", "institution " + inst.id
                    + " did not operate in " + period + " (opened " + inst.openedOn + ", closed " + inst.closedOn + ")");
        }
    }

    private static void requireRole(ReporterKind kind, Jurisdiction jurisdiction) {
        if (!kind.mayBeFiledBy(jurisdiction.roles())) {
            throw new io.quarkus.security.ForbiddenException("your roles may not file " + kind + " reports");
        }
    }
}
