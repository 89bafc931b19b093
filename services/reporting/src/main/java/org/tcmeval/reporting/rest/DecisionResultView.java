package org.tcmeval.reporting.rest;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.reporting.ReportStatus;
import org.tcmeval.support.problem.Problem;

@Schema(name = "BulkDecisionResult", description = "What happened to each report of a bulk decision, in request order.")
public record DecisionResultView(int decided, int failed, List<Item> results) {

    @Schema(name = "BulkDecisionResultItem")
    public record Item(UUID id, @Schema(description = "The new revision when decided") Integer revision,
            ReportStatus status, @Schema(description = "Why this one was not decided") Problem problem) {
    }
}
