package org.tcmeval.reporting.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WindowRequest")
public record WindowRequest(
        @NotNull @Schema(example = "2026-01-01") LocalDate opensOn,
        @NotNull @Schema(example = "2026-03-31") LocalDate closesOn) {
}
