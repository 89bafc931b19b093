package org.tcmeval.reporting.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionRequest", description = "A reviewer's decision on the report's current version.")
public record DecisionRequest(
        @NotNull
        @Schema(description = "APPROVE or RETURN", example = "RETURN")
        Decision decision,
        @Size(max = 2000)
        @Schema(description = "Required when returning: what must be corrected", example = "中医类别医师数与花名册不符，请核实")
        String comment) {

    /** The two decisions a reviewer can take. */
    public enum Decision { APPROVE, RETURN }
}
