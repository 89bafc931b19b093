package org.tcmeval.catalog.rest;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ParentRequest", description = "The profile to inherit from.")
public record ParentRequest(
        @NotBlank @Schema(required = true, example = "guangxi-2022") String parentId) {
}
