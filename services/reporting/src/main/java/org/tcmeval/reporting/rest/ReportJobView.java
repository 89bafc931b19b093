package org.tcmeval.reporting.rest;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.reporting.bulk.ReportJob;

@Schema(name = "ReportJob", description = "A bulk report job and how far it has got.")
public record ReportJobView(
        UUID id,
        @Schema(description = "QUEUED, RUNNING, then COMPLETED (every row processed; bad rows listed), REJECTED "
                + "(all-or-nothing with bad rows: nothing stored) or FAILED (see detail)") ReportJob.State state,
        @Schema(description = "ALL_OR_NOTHING or GOOD_ROWS") ReportJob.Mode mode,
        @Schema(description = "Only checked; nothing is stored and no event is published") boolean dryRun,
        ReportJobFormat format,
        @Schema(description = "Data rows in the upload") int rowsTotal,
        @Schema(description = "Rows processed so far (an all-or-nothing job reports them when it ends)") int rowsDone,
        @Schema(description = "Rows refused; GET .../errors lists why") int rowsFailed,
        @Schema(description = "Reports filed (for a dry run: that would be filed)") int created,
        @Schema(description = "Existing reports given a new version because the row's figures differ") int revised,
        @Schema(description = "Rows equal to the report's current version: nothing changed") int unchanged,
        String detail,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "Where the row errors are, as JSON or (Accept: text/csv) CSV") String errors) {

    public enum ReportJobFormat { CSV, JSON }

    static ReportJobView of(ReportJob j, String errorsUrl) {
        return new ReportJobView(j.id, j.state, j.mode, j.dryRun, ReportJobFormat.valueOf(j.format.name()), j.rowsTotal,
                j.rowsDone, j.rowsFailed, j.created, j.revised, j.unchanged, j.detail, j.createdAt, j.startedAt,
                j.finishedAt, errorsUrl);
    }
}
