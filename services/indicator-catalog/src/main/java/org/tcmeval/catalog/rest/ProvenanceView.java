package org.tcmeval.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Provenance", description = "The profile revision a target comes from.")
public record ProvenanceView(
        @Schema(example = "yulin-2022") String profileId,
        @Schema(example = "4509") String divisionCode,
        @Schema(example = "1") int revision,
        @Schema(example = "2021") int effectiveFrom) {
}
