package org.tcmeval.catalog.rest;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Profile", description = "One revision of a target profile (目标档案): its parent and its own targets. "
        + "Inherited targets are not repeated; see effective-targets for the resolved set.")
public record ProfileView(
        @Schema(example = "inner-mongolia") String id,
        @Schema(example = "15") String divisionCode,
        @Schema(description = "This revision", example = "1") int revision,
        @Schema(description = "The newest revision of the profile", example = "1") int currentRevision,
        @Schema(description = "First year this revision is in force", example = "2021") int effectiveFrom,
        @Schema(example = "national") String parentId,
        @Schema(description = "Who made this revision (token subject)", example = "user-15") String changedBy,
        OffsetDateTime changedAt,
        List<TargetView> targets) {
}
