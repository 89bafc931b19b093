package org.tcmeval.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An accepted report version. Reports are immutable: a correction is a new {@code version} of the
 * same {@code reportId}, and consumers keep only the highest version they have seen, whatever the
 * order of arrival.
 *
 * @param period {@code 2024} for an annual report, {@code 2024-Q3} for a quarterly one
 * @param figures reported figures by field name (e.g. {@code physicians}, {@code tcmPhysicians})
 */
public record ReportSubmitted(
        String reportId,
        int version,
        String institutionId,
        String divisionCode,
        int year,
        String period,
        Map<String, BigDecimal> figures,
        OffsetDateTime submittedAt) {

    public static final int VERSION = 1;

    public ReportSubmitted {
        figures = Map.copyOf(figures);
    }
}
