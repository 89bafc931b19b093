package org.tcmeval.registry.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.targets.InstitutionType;

@Schema(name = "InstitutionRequest", description = "An institution to register.")
public record InstitutionRequest(
        @NotBlank @Size(max = 200)
        @Schema(description = "Registered Chinese name", example = "玉州区南江街道社区卫生服务中心")
        String name,
        @NotNull
        @Schema(description = "Institution type; decides which division level it hangs under", example = "THC")
        InstitutionType type,
        @NotBlank @Pattern(regexp = "\\d{6}|\\d{9}", message = "must be a 6-digit county or 9-digit township code")
        @Schema(description = "County (6 digits) or township (9 digits) code", example = "450902100")
        String divisionCode,
        @Pattern(regexp = "[0-9A-Z]{18}", message = "must be 18 digits or upper-case letters")
        @Schema(description = "统一社会信用代码, 18 characters with GB 32100 check character", example = "12450902MB1234567X")
        String uscc,
        @Size(max = 50)
        @Schema(description = "医疗机构执业许可证登记号", example = "PDY00001245090217A1001")
        String registrationNumber,
        @Schema(description = "Date it opened", example = "1998-06-01")
        LocalDate openedOn,
        @Schema(description = "Date it closed; closing never deletes", example = "2026-01-01")
        LocalDate closedOn) {
}
