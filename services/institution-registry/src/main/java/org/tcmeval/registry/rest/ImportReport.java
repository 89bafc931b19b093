package org.tcmeval.registry.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, row by row in aggregate; {@code errors} lists the rows it refused. */
@Schema(name = "ImportReport", description = "Outcome of a CSV import. Re-importing the same file reports every row "
        + "as unchanged.")
public record ImportReport(
        @Schema(description = "Data rows read (blank rows are skipped)", example = "3") int rows,
        @Schema(description = "Rows that created a record", example = "2") int created,
        @Schema(description = "Rows that changed an existing record", example = "0") int updated,
        @Schema(description = "Rows equal to what is stored; nothing was written for them", example = "0") int unchanged,
        @Schema(description = "Rows refused (only with partial=true; otherwise a refused row fails the file)",
                example = "1") int rejected,
        @Schema(description = "Rules broken by the refused rows") List<RowError> errors) {
}
