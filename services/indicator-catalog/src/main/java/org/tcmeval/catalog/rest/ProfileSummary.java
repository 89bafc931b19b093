package org.tcmeval.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProfileSummary", description = "A profile and its newest revision, without the targets.")
public record ProfileSummary(
        @Schema(example = "yulin-2022") String id,
        @Schema(example = "4509") String divisionCode,
        @Schema(example = "guangxi-2022") String parentId,
        @Schema(example = "1") int currentRevision,
        @Schema(description = "First year the newest revision is in force", example = "2021") int effectiveFrom,
        @Schema(description = "Targets the profile sets itself", example = "1") int targetCount) {
}
