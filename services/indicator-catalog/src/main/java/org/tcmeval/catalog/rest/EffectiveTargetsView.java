package org.tcmeval.catalog.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EffectiveTargets", description = "Every target in force for a division in a year, resolved through "
        + "inheritance (national -> province -> city -> county).")
public record EffectiveTargetsView(
        @Schema(example = "450921") String divisionCode,
        @Schema(example = "2025") int year,
        @Schema(description = "The profile revisions that apply, most specific first") List<ProvenanceView> chain,
        List<EffectiveTargetView> targets) {
}
