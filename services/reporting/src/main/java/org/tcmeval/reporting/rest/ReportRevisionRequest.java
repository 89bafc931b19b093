package org.tcmeval.reporting.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportRevisionRequest", description = "A new version of a report's figures: a correction, a draft "
        + "saved again, or a draft submitted. The reporter and period never change.")
public record ReportRevisionRequest(
        @NotNull
        @Schema(description = "The complete figures of the new version (not a patch)",
                example = "{\"physicians\": 8, \"tcmPhysicians\": 3}")
        Map<String, BigDecimal> figures,
        @Size(max = 200)
        @Schema(description = "Catalogue codes of the techniques performed to standard (complete list)")
        List<String> techniqueItems,
        @Schema(description = "true keeps a draft a draft; default false submits for review", example = "false")
        Boolean draft) {

    public boolean isDraft() {
        return Boolean.TRUE.equals(draft);
    }
}
