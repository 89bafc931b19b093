package org.tcmeval.reporting;

/** What a user does to a report; {@link ReportWorkflow} says which actions each status allows. */
public enum ReportAction {
    /** Save figures without submitting them. */
    SAVE_DRAFT,
    /** Submit the (possibly new) figures for review. */
    SUBMIT,
    /** The reviewer accepts the current version. */
    APPROVE,
    /** The reviewer sends the current version back with a comment. */
    RETURN
}
