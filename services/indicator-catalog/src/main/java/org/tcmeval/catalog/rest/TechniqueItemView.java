package org.tcmeval.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TechniqueItem", description = "An item (项) of a technique class; reports cite its code.")
public record TechniqueItemView(
        @Schema(description = "Stable item code", example = "ACUPUNCTURE_FILIFORM") String code,
        @Schema(example = "ACUPUNCTURE") String classCode,
        @Schema(example = "毫针") String nameZh,
        @Schema(example = "Filiform needle") String nameEn,
        @Schema(description = "No longer listed; still valid where a report cites it", example = "false")
        boolean retired) {
}
