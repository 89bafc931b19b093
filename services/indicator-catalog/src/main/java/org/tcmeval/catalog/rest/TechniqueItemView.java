package org.tcmeval.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TechniqueItem", description = "An item (项) of a technique class; reports cite its code.")
public record TechniqueItemView(
        @Schema(description = "Stable item code, unique within its list", example = "ACUPUNCTURE_FILIFORM") String code,
        @Schema(example = "ACUPUNCTURE") String classCode,
        @Schema(description = "The list: 00 national, else a province's official list", example = "00") String scope,
        @Schema(example = "毫针") String nameZh,
        @Schema(example = "Filiform needle") String nameEn,
        @Schema(description = "No longer listed; still resolves where a report cites it", example = "false")
        boolean retired,
        @Schema(description = "true when no source document gives the item: a placeholder until an official list "
                + "replaces it. Absent in revisions published before provenance was recorded", example = "false")
        Boolean provisional,
        @Schema(description = "The document the item comes from, or why it is provisional",
                example = "《中医医疗技术相关性感染预防与控制指南（试行）》（国家中医药管理局，2017）：针刺类")
        String source) {
}
