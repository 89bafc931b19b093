package org.tcmeval.reporting.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReopeningRequest")
public record ReopeningRequest(
        @NotNull @Schema(description = "Last day (inclusive) the reporter may still submit", example = "2026-04-15")
        LocalDate until) {
}
