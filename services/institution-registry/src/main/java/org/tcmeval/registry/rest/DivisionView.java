package org.tcmeval.registry.rest;

import java.time.OffsetDateTime;
import java.util.SortedMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.registry.DivisionLevel;

@Schema(name = "Division", description = "An administrative division (行政区划).")
public record DivisionView(
        @Schema(example = "450921") String code,
        @Schema(description = "The code's prefix one level up; null for a province", example = "4509") String parentCode,
        @Schema(example = "COUNTY") DivisionLevel level,
        @Schema(example = "容县") String name,
        @Schema(example = "县") String levelLabel,
        @Schema(description = "Resident population by year", example = "{\"2023\": 646000, \"2024\": 651000}")
        SortedMap<Integer, Long> population,
        @Schema(description = "Increases with every change", example = "0") long revision,
        OffsetDateTime updatedAt) {
}
