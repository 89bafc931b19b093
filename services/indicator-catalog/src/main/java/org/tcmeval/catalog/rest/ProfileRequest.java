package org.tcmeval.catalog.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProfileRequest", description = "A new target profile for a division, inheriting from a parent profile.")
public record ProfileRequest(
        @NotBlank @Size(max = 64)
        @Schema(required = true, description = "Stable lower-case kebab id", example = "rongxian-2025") String id,
        @NotBlank @Schema(required = true, description = "GB/T 2260 code of the division: 2, 4 or 6 digits",
                example = "450921")
        String divisionCode,
        @NotBlank @Schema(required = true, description = "Profile to inherit from; its division must contain this one",
                example = "yulin-2022")
        String parentId,
        @NotNull @Min(2000) @Max(2100)
        @Schema(required = true, description = "First year the profile is in force", example = "2025")
        Integer effectiveFrom,
        @Size(max = 200) @Schema(description = "The profile's own targets (overrides and additions); may be empty")
        List<@Valid TargetBody> targets) {
}
