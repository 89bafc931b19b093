package org.tcmeval.registry.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.support.paging.CursorPage;

@Schema(name = "InstitutionPage", description = "One page of a list. Pass nextCursor as cursor to get the next page; "
        + "it is absent on the last page.")
public record InstitutionPage(
        List<InstitutionView> items,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Opaque; absent on the last page", example = "MS4wMTkwYTVlOC04YzFiLTdhNTctOWQ4ZS0yYjdmMWY2YTBjMTEuM2Y0YTFi")
        String nextCursor,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Rows matching the filters over all pages; only with includeTotal=true", example = "17")
        Long total) implements CursorPage {
}
