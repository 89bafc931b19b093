package org.tcmeval.registry.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One broken rule in one CSV row.
 *
 * @param row the row as a spreadsheet numbers it: the header is row 1, the first data row is row 2
 */
@Schema(name = "RowError", description = "A rule that one CSV row breaks.")
public record RowError(
        @Schema(description = "Row number as a spreadsheet shows it (header = 1)", example = "7") int row,
        @Schema(description = "Column (= API field) at fault", example = "uscc") String field,
        @Schema(description = "Machine-readable rule", example = "uscc") String rule,
        @Schema(example = "uscc check character is '0' but must be '3'") String message) {
}
