package org.tcmeval.catalog.rest;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TechniqueClass", description = "A class (类) of TCM appropriate techniques with its items (项), in one "
        + "technique list: the national list (scope 00) or a province's official list.")
public record TechniqueClassView(
        @Schema(description = "Stable class code", example = "ACUPUNCTURE") String code,
        @Schema(description = "The list: 00 national, else the province (2-digit GB/T 2260 code) whose official list "
                + "this is", example = "00") String scope,
        @Schema(example = "针刺类") String nameZh,
        @Schema(description = "Absent where a province's list gives Chinese names only", example = "Acupuncture")
        String nameEn,
        @Schema(description = "Position in the list", example = "1") int sortOrder,
        @Schema(description = "Increases with every change; also the ETag", example = "2") int revision,
        @Schema(description = "Items not retired", example = "9") int activeItems,
        @Schema(description = "Current items first, then retired ones") List<TechniqueItemView> items,
        @Schema(description = "Who made this revision (token subject)", example = "user-45") String changedBy,
        OffsetDateTime changedAt) {
}
