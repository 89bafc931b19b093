package org.tcmeval.reporting.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.tcmeval.reporting.ReportPeriod;
import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.reporting.ReporterKind;
import org.tcmeval.reporting.ReportingWindow;
import org.tcmeval.reporting.WindowReopening;
import org.tcmeval.reporting.repository.WindowRepository;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.security.Roles;
import org.tcmeval.support.problem.ProblemType;

/**
 * Reporting windows (填报时间窗): a province admin sets one per period for the province, a county
 * reopens a closed one for one reporter. Submissions outside the window are refused; drafts are not.
 */
@ApplicationScoped
public class WindowService {

    @Inject
    WindowRepository windows;

    @Inject
    Clock clock;

    @Inject
    org.tcmeval.directory.InstitutionRefRepository institutions;

    /** The window in force for a province and period: the admin's, else the period's default. */
    public Uni<ReportPeriod.Window> windowFor(String provinceCode, String period) {
        ReportPeriod p = ReportPeriod.parse(period).orElseThrow();
        return windows.window(provinceCode, period).map(w -> w == null ? p.defaultWindow() : w.window());
    }

    /** A window with its revision: 0 for a period's default. */
    public record State(ReportPeriod.Window window, int revision) {
    }

    public Uni<State> current(String provinceCode, String period) {
        ReportPeriod p = ReportPeriod.parse(period).orElseThrow();
        return windows.window(provinceCode, period)
                .map(w -> w == null ? new State(p.defaultWindow(), 0) : new State(w.window(), w.revision));
    }

    /** Refuses a submission of {@code r} today unless its window or a reopening for it is open. */
    public Uni<Void> requireOpen(ReportSubmission r) {
        LocalDate today = LocalDate.now(clock);
        String province = r.divisionCode.substring(0, 2);
        return windowFor(province, r.period).chain(w -> {
            if (w.isOpenOn(today)) {
                return Uni.createFrom().voidItem();
            }
            return windows.reopening(r.reporterId, r.period).invoke(reopened -> {
                if (reopened == null || today.isAfter(reopened.untilOn) || today.isBefore(w.opensOn())) {
                    String message = "the reporting window for " + r.period + " in province " + province + " is "
                            + w.opensOn() + " to " + w.closesOn() + (w.byDefault() ? " (default)" : "") + "; today is "
                            + today + (today.isAfter(w.closesOn()) ? "; ask your county to reopen it for you" : "");
                    throw new ProblemException(ProblemType.OUTSIDE_REPORTING_WINDOW,
                            message, List.of(new FieldError("period", "within-reporting-window", message)));
                }
            }).replaceWithVoid();
        });
    }

    /** Sets a province's window for a period; {@code expectedRevision} 0 creates it. */
    public Uni<ReportingWindow> set(String provinceCode, String period, ReportPeriod.Window window,
            int expectedRevision, Jurisdiction jurisdiction, String who) {
        if (!jurisdiction.hasRole(Roles.PROVINCE_ADMIN) || !jurisdiction.divisionCode().equals(provinceCode)) {
            throw new io.quarkus.security.ForbiddenException("only an admin of province " + provinceCode
                    + " sets its reporting windows");
        }
        return windows.window(provinceCode, period).chain(existing -> {
            int current = existing == null ? 0 : existing.revision;
            if (current != expectedRevision) {
                throw ProblemException.stale("the window is at revision " + current + ", not " + expectedRevision
                        + " (use If-Match: \"0\" to create it)");
            }
            ReportingWindow w = existing == null ? new ReportingWindow() : existing;
            w.key = new ReportingWindow.Key(provinceCode, period);
            w.opensOn = window.opensOn();
            w.closesOn = window.closesOn();
            w.revision = current + 1;
            w.setBy = who;
            w.setAt = OffsetDateTime.now(clock);
            return windows.save(w);
        });
    }

    /**
     * The reviewer of a reporter reopens a period's window for it until {@code until}: a county for
     * its institutions, a city for its counties, a province for its cities.
     *
     * @param reporterId an institution id, or the code of a reporting division
     */
    public Uni<WindowReopening> reopen(String reporterId, String period, LocalDate until, Jurisdiction jurisdiction,
            String who) {
        if (ReportPeriod.parse(period).isEmpty()) {
            throw ProblemException.invalid("period", "period-format", "period must be a year (2024) or a quarter (2024-Q3)");
        }
        if (until.isBefore(LocalDate.now(clock))) {
            throw ProblemException.invalid("until", "not-in-past", "until must be today or later");
        }
        return reporterDivision(reporterId).chain(found -> {
            ReporterKind kind = found.kind();
            if (found.division() == null || !jurisdiction.covers(found.division())) {
                throw ProblemException.notFound("reporter " + reporterId);
            }
            if (!jurisdiction.hasRole(kind.reviewerRole())) {
                throw new io.quarkus.security.ForbiddenException("only the reviewer of " + kind + " reports ("
                        + kind.reviewerRole() + ") reopens their window");
            }
            WindowReopening w = new WindowReopening();
            w.key = new WindowReopening.Key(reporterId, period);
            w.untilOn = until;
            w.grantedBy = who;
            w.grantedAt = OffsetDateTime.now(clock);
            return windows.saveReopening(w);
        });
    }

    private record Reporter(ReporterKind kind, String division) {
    }

    private Uni<Reporter> reporterDivision(String reporterId) {
        var division = ReporterKind.ofDivisionCode(reporterId);
        if (division.isPresent()) {
            return Uni.createFrom().item(new Reporter(division.get(), reporterId));
        }
        java.util.UUID id;
        try {
            id = java.util.UUID.fromString(reporterId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("reporterId", "reporter-id", "reporterId must be an institution id or a"
                    + " province, city or county code");
        }
        return institutions.findById(id).map(i -> new Reporter(ReporterKind.INSTITUTION, i == null ? null : i.divisionCode));
    }
}
