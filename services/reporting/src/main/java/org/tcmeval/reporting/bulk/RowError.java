package org.tcmeval.reporting.bulk;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One broken rule of one row of a bulk report job.
 *
 * @param row spreadsheet row number (header = 1) for CSV, 1-based position for JSON
 */
@Schema(name = "ReportJobRowError", description = "A rule that one row of a bulk report job breaks.")
public record RowError(
        @Schema(description = "Row number: as a spreadsheet shows it (header = 1) for CSV, position from 1 for JSON",
                example = "7") int row,
        @Schema(description = "Field (CSV column) at fault", example = "figures.tcmPhysicians") String field,
        @Schema(description = "Machine-readable rule, the same as a single submission's", example = "at-most-physicians")
        String rule,
        @Schema(example = "tcmPhysicians (9) must not exceed physicians (8)") String message) {
}
