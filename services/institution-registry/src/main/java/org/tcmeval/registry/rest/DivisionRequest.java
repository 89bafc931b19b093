package org.tcmeval.registry.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DivisionRequest", description = "The full state of a division; the code is in the path and decides "
        + "level and parent.")
public record DivisionRequest(
        @NotBlank @Size(max = 100)
        @Schema(description = "Chinese name", example = "容县")
        String name,
        @Size(max = 20)
        @Schema(description = "Local name of the level (县, 自治县, 旗县, 苏木乡镇, 嘎查村, 街道 ...)", example = "县")
        String levelLabel,
        @Schema(description = "Resident population (常住人口) by year; replaces what is stored",
                example = "{\"2023\": 646000, \"2024\": 651000}")
        Map<String, Long> population) {
}
