package org.tcmeval.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A report after every change that others may act on: a submitted version (first submission or
 * correction) or a review decision. Drafts are never published. Reports are immutable: a correction
 * is a new {@code version}, a decision a new {@code revision} of the same {@code reportId}, and
 * consumers keep only the highest revision they have seen, whatever the order of arrival.
 *
 * <p>Dataversion 2 added the reporter kind and id, the review status, the revision and the
 * technique items; institution reports carry the same fields as in version 1.
 *
 * @param version the figures' version
 * @param revision grows with every version and every decision; order by it
 * @param reporterKind INSTITUTION, COUNTY, CITY or PROVINCE
 * @param reporterId the institution id, or the division code of a division report
 * @param institutionId set for institution reports only
 * @param institutionType the institution's type when it filed, for institution reports only
 * @param divisionCode the institution's division, or the reporting division itself
 * @param period {@code 2024} for an annual report, {@code 2024-Q3} for a quarterly one
 * @param status SUBMITTED, APPROVED or RETURNED
 * @param figures reported figures by field name, with the technique counts derived from {@code techniqueItems}
 * @param techniqueItems catalogue codes of the techniques performed to standard (empty if none listed)
 * @param submittedAt when this version was submitted
 * @param changedAt when this revision happened (the decision's time for a decision)
 */
public record ReportSubmitted(
        String reportId,
        int version,
        int revision,
        String reporterKind,
        String reporterId,
        String institutionId,
        String institutionType,
        String divisionCode,
        int year,
        String period,
        String status,
        Map<String, BigDecimal> figures,
        List<String> techniqueItems,
        OffsetDateTime submittedAt,
        OffsetDateTime changedAt) {

    public static final int VERSION = 2;

    public ReportSubmitted {
        figures = Map.copyOf(figures);
        techniqueItems = techniqueItems == null ? List.of() : List.copyOf(techniqueItems);
    }

    /**
     * The record key of a report's events: the county its reporter belongs to (a city's or province's own
     * code for their reports), from the report's division, which never changes after the report is created.
     * One report's events therefore stay in order on one partition, and so do one county's: two evaluation
     * instances never write the same county's sums and results at the same time (keyed by reporter, every
     * county's institutions were spread over every partition, and the instances waited on each other's row
     * locks).
     */
    public static String partitionKey(String divisionCode) {
        return divisionCode.length() > 6 ? divisionCode.substring(0, 6) : divisionCode;
    }

    /** Not on the wire: Jackson would otherwise publish it as {@code institutionReport}, which no schema names. */
    @JsonIgnore
    public boolean isInstitutionReport() {
        return institutionId != null;
    }
}
