package org.tcmeval.registry.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InstitutionChange", description = "One revision of an institution: who changed what, when.")
public record InstitutionChangeView(
        @Schema(description = "The revision this change produced", example = "1") long revision,
        @Schema(description = "CREATED, UPDATED, CLOSED or REOPENED", example = "CLOSED") String action,
        @Schema(description = "API or IMPORT", example = "API") String source,
        @Schema(description = "Token subject of whoever made the change", example = "user-4509") String changedBy,
        OffsetDateTime changedAt,
        List<Field> changes) {

    @Schema(name = "FieldChange", description = "A field's value before and after; null means empty.")
    public record Field(
            @Schema(example = "name") String field,
            @JsonProperty("old") @Schema(example = "容县杨梅镇卫生院") String oldValue,
            @JsonProperty("new") @Schema(example = "容县杨梅镇中心卫生院") String newValue) {
    }
}
