package org.tcmeval.reporting;

import java.util.Set;

/**
 * The filters of a worklist (工作清单): reports under a division, optionally of one period, in some
 * statuses, of some reporter kinds. Drafts are the reporters' own and appear only when asked for.
 *
 * @param divisionPrefix the caller's view already narrowed to its jurisdiction
 * @param reporterId only this reporter's reports (an institution's own account sees only its own), or {@code null}
 */
public record ReportQuery(String divisionPrefix, String period, Set<ReportStatus> statuses, Set<ReporterKind> kinds,
        String reporterId) {

    public ReportQuery(String divisionPrefix, String period, Set<ReportStatus> statuses, Set<ReporterKind> kinds) {
        this(divisionPrefix, period, statuses, kinds, null);
    }

    public ReportQuery withReporter(String reporter) {
        return new ReportQuery(divisionPrefix, period, statuses, kinds, reporter);
    }

    public ReportQuery {
        statuses = statuses == null || statuses.isEmpty()
                ? Set.of(ReportStatus.SUBMITTED, ReportStatus.APPROVED, ReportStatus.RETURNED) : Set.copyOf(statuses);
        kinds = kinds == null || kinds.isEmpty() ? Set.of(ReporterKind.values()) : Set.copyOf(kinds);
    }

    /** A canonical text of the filters, which a page cursor is bound to. */
    public String canonical() {
        return "division=" + divisionPrefix + "&period=" + period + "&status=" + statuses.stream().sorted().toList()
                + "&kind=" + kinds.stream().sorted().toList() + (reporterId == null ? "" : "&reporter=" + reporterId);
    }
}
