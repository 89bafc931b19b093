package org.tcmeval.reporting;

import java.util.Optional;

/**
 * The review workflow (审核流程) as a state machine: DRAFT → SUBMITTED → APPROVED | RETURNED, and a
 * corrected report goes back to SUBMITTED — also after approval, because an approved figure that
 * changes must be looked at again. Plain Java, so every transition is tested without a server.
 */
public final class ReportWorkflow {

    private ReportWorkflow() {
    }

    /**
     * The status after {@code action}, or empty when the action is not allowed from {@code from}.
     *
     * @param from the current status, or {@code null} for a report that does not exist yet
     */
    public static Optional<ReportStatus> next(ReportStatus from, ReportAction action) {
        if (from == null) {
            return switch (action) {
                case SAVE_DRAFT -> Optional.of(ReportStatus.DRAFT);
                case SUBMIT -> Optional.of(ReportStatus.SUBMITTED);
                case APPROVE, RETURN -> Optional.empty();
            };
        }
        return switch (from) {
            case DRAFT -> switch (action) {
                case SAVE_DRAFT -> Optional.of(ReportStatus.DRAFT);
                case SUBMIT -> Optional.of(ReportStatus.SUBMITTED);
                case APPROVE, RETURN -> Optional.empty();
            };
            case SUBMITTED -> switch (action) {
                // A correction before the decision replaces what the reviewer will look at.
                case SUBMIT -> Optional.of(ReportStatus.SUBMITTED);
                case APPROVE -> Optional.of(ReportStatus.APPROVED);
                case RETURN -> Optional.of(ReportStatus.RETURNED);
                case SAVE_DRAFT -> Optional.empty();
            };
            case APPROVED, RETURNED -> switch (action) {
                case SUBMIT -> Optional.of(ReportStatus.SUBMITTED);
                case SAVE_DRAFT, APPROVE, RETURN -> Optional.empty();
            };
        };
    }

    /** Whether the action adds a version of the figures (a decision does not). */
    public static boolean addsVersion(ReportAction action) {
        return switch (action) {
            case SAVE_DRAFT, SUBMIT -> true;
            case APPROVE, RETURN -> false;
        };
    }
}
