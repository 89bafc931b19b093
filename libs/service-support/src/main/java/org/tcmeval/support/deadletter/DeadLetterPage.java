package org.tcmeval.support.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.support.paging.CursorPage;

public record DeadLetterPage(
        List<DeadLetterView> items,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Pass as `cursor` for the next page; absent on the last page") String nextCursor) implements CursorPage {
}
