package org.tcmeval.registry.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.registry.EthnicMedicine;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.registry.InstitutionStatus;
import org.tcmeval.registry.Ownership;
import org.tcmeval.targets.InstitutionType;

@Schema(name = "Institution", description = "A registered institution.")
public record InstitutionView(
        @Schema(description = "Stable id", example = "0190a5e8-8c1b-7a57-9d8e-2b7f1f6a0c11") UUID id,
        @Schema(example = "容县杨梅镇卫生院") String name,
        @Schema(example = "THC") InstitutionType type,
        @Schema(example = "450921101") String divisionCode,
        @Schema(description = "County the institution rolls up to", example = "450921") String countyCode,
        @Schema(example = "124509214501234562", nullable = true) String uscc,
        @Schema(example = "PDY00012345092117A1001", nullable = true) String registrationNumber,
        @Schema(example = "PUBLIC", nullable = true) Ownership ownership,
        @Schema(example = "GRADE_1A", nullable = true) HospitalGrade grade,
        @Schema(example = "ZHUANG", nullable = true) EthnicMedicine ethnicMedicine,
        @Schema(example = "1958-03-01", nullable = true) LocalDate openedOn,
        @Schema(description = "Null while it operates", nullable = true) LocalDate closedOn,
        @Schema(description = "OPERATING unless closedOn is today or earlier (China Standard Time)", example = "OPERATING")
        InstitutionStatus status,
        @Schema(description = "Increases with every change; the ETag is this number in quotes", example = "0") long revision,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
