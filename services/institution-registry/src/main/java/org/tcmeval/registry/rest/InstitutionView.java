package org.tcmeval.registry.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.targets.InstitutionType;

@Schema(name = "Institution", description = "A registered institution.")
public record InstitutionView(
        @Schema(description = "Stable id", example = "3f0c9a5e-8c1b-4a57-9d8e-2b7f1f6a0c11") UUID id,
        @Schema(example = "玉州区南江街道社区卫生服务中心") String name,
        @Schema(example = "THC") InstitutionType type,
        @Schema(example = "450902100") String divisionCode,
        @Schema(description = "County the institution rolls up to", example = "450902") String countyCode,
        @Schema(example = "12450902MB1234567X") String uscc,
        String registrationNumber,
        LocalDate openedOn,
        LocalDate closedOn,
        @Schema(description = "Increases with every change; send it back in If-Match", example = "0") long revision,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
