package org.tcmeval.reporting;

/**
 * Where a report stands in review (审核状态). Only {@link ReportWorkflow} moves a report between
 * these; every switch over them is exhaustive so a new state cannot be forgotten.
 */
public enum ReportStatus {
    /** 草稿: saved by the reporter, seen by nobody else, never published. */
    DRAFT,
    /** 已提交: waiting for the reviewer of the level above. */
    SUBMITTED,
    /** 审核通过: the version evaluation counts by default. */
    APPROVED,
    /** 退回: the reviewer sent it back with a comment; it stops counting until corrected. */
    RETURNED
}
