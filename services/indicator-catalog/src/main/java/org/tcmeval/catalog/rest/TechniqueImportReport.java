package org.tcmeval.catalog.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TechniqueImportReport", description = "What an upload of a province's technique list did.")
public record TechniqueImportReport(
        @Schema(description = "The province whose list this is", example = "45") String scope,
        @Schema(description = "Data rows in the file", example = "3") int rows,
        @Schema(description = "Classes in the file", example = "2") int classes,
        @Schema(description = "Items in the file", example = "3") int items,
        @Schema(description = "Classes that got a new revision (published to technique-changed)")
        List<String> changedClasses,
        @Schema(description = "Classes already as the file says", example = "0") int unchangedClasses,
        @Schema(description = "Items the list held that the file leaves out, now retired", example = "0")
        int retiredItems) {
}
