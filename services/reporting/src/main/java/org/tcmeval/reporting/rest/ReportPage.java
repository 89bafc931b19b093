package org.tcmeval.reporting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.support.paging.CursorPage;

@Schema(name = "ReportPage", description = "One page of a worklist. Pass nextCursor as cursor for the next page; it is "
        + "absent on the last page.")
public record ReportPage(
        List<ReportSummary> items,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Opaque; absent on the last page") String nextCursor) implements CursorPage {
}
