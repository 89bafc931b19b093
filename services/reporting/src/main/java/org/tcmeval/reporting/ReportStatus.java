package org.tcmeval.reporting;

/** Where a report stands. The review workflow (county approval) will add states between these. */
public enum ReportStatus {
    SUBMITTED
}
