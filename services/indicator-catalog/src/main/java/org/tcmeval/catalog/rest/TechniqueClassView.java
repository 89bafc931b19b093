package org.tcmeval.catalog.rest;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TechniqueClass", description = "A class (类) of TCM appropriate techniques with its items (项).")
public record TechniqueClassView(
        @Schema(description = "Stable class code", example = "ACUPUNCTURE") String code,
        @Schema(example = "针刺类") String nameZh,
        @Schema(example = "Acupuncture") String nameEn,
        @Schema(description = "Position in the catalogue", example = "1") int sortOrder,
        @Schema(description = "Increases with every change; also the ETag", example = "1") int revision,
        @Schema(description = "Items not retired", example = "9") int activeItems,
        @Schema(description = "Current items first, then retired ones") List<TechniqueItemView> items,
        @Schema(description = "Who made this revision (token subject)", example = "user-45") String changedBy,
        OffsetDateTime changedAt) {
}
