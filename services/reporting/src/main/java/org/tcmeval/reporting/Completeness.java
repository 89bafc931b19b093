package org.tcmeval.reporting;

/**
 * Reporting completeness (填报完整性) of one division for one period: of the reporters expected to
 * report, how many did, how many were approved or returned, how many are late or still missing.
 *
 * @param expected operating institutions of the types some indicator reads, in the period
 * @param received reports submitted (drafts do not count)
 * @param awaitingReview submitted and not yet decided
 * @param late submitted after the window closed, or still missing once it has
 * @param missing no report, or only a draft
 */
public record Completeness(String divisionCode, long expected, long received, long approved, long returned,
        long awaitingReview, long late, long missing) {

    /** Received as a share of expected, in percent with one decimal; {@code null} when nobody is expected. */
    public Double receivedPercent() {
        return expected == 0 ? null : Math.round(received * 1000.0 / expected) / 10.0;
    }
}
