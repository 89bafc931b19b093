package org.tcmeval.catalog.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Source", description = "Where a number comes from (出处): the document and the place in it.")
public record SourceBody(
        @NotBlank @Size(max = 200)
        @Schema(description = "Document (file stem of the seed, or the title of a new plan)",
                example = "inner-mongolia-grassroots-tcm-capacity-plan")
        String document,
        @NotBlank @Size(max = 200)
        @Schema(description = "Section, table and row", example = "附件 考核评价指标 第13项")
        String location) {
}
