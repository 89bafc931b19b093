package org.tcmeval.catalog.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TechniqueClassRequest", description = "A technique class with the full list of its current items; "
        + "items left out are retired, not deleted.")
public record TechniqueClassRequest(
        @NotBlank @Size(max = 100) @Schema(required = true, example = "针刺类") String nameZh,
        @NotBlank @Size(max = 200) @Schema(required = true, example = "Acupuncture") String nameEn,
        @NotNull @Min(1) @Schema(required = true, description = "Position in the catalogue", example = "1")
        Integer sortOrder,
        @NotNull @Size(max = 500) @Schema(required = true) List<@Valid Item> items) {

    @Schema(name = "TechniqueItemRequest")
    public record Item(
            @NotBlank @Size(max = 100) @Schema(required = true, example = "ACUPUNCTURE_FILIFORM") String code,
            @NotBlank @Size(max = 100) @Schema(required = true, example = "毫针") String nameZh,
            @Size(max = 200) @Schema(example = "Filiform needle") String nameEn,
            @Schema(description = "true when no source document gives the item; default: unchanged for a known item, "
                    + "true for a new one", example = "false") Boolean provisional,
            @Size(max = 500) @Schema(description = "The document the item comes from (required when provisional is "
                    + "false); default: unchanged for a known item",
                    example = "《中医医疗技术相关性感染预防与控制指南（试行）》（国家中医药管理局，2017）：针刺类")
            String source) {
    }
}
