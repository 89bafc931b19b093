package org.tcmeval.reporting.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BulkDecisionRequest", description = "One decision on many reports, each pinned to the revision the "
        + "reviewer saw.")
public record BulkDecisionRequest(
        @NotNull DecisionRequest.Decision decision,
        @Size(max = 2000) String comment,
        @NotEmpty @Size(max = 500) @Valid List<Item> reports) {

    @Schema(name = "BulkDecisionItem")
    public record Item(
            @NotNull @Schema(example = "8d1f2c3a-4b5e-4f60-9a7b-1c2d3e4f5a6b") UUID id,
            @NotNull @Positive @Schema(description = "The report's ETag as the worklist showed it", example = "1")
            Integer revision) {
    }
}
