package org.tcmeval.reporting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.support.paging.CursorPage;

@Schema(name = "MissingReporters", description = "Institutions expected to report for the period that have not (a draft "
        + "does not count), one page at a time.")
public record MissingPage(List<Item> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) implements CursorPage {

    @Schema(name = "MissingReporter")
    public record Item(UUID institutionId, @Schema(example = "玉州区仁东镇卫生院") String name,
            @Schema(example = "THC") String type, @Schema(example = "450902100") String divisionCode) {
    }
}
