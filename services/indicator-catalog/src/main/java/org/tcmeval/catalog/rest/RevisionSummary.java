package org.tcmeval.catalog.rest;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RevisionSummary", description = "One revision of a profile, without its targets.")
public record RevisionSummary(
        @Schema(example = "2") int revision,
        @Schema(example = "2026") int effectiveFrom,
        @Schema(example = "national") String parentId,
        @Schema(example = "36") int targetCount,
        @Schema(example = "user-15") String changedBy,
        OffsetDateTime changedAt) {
}
