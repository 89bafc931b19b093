package org.tcmeval.registry.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.registry.EthnicMedicine;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.Ownership;
import org.tcmeval.targets.InstitutionType;

@Schema(name = "InstitutionRequest", description = "An institution to register, or its full new state (PUT). "
        + "Give the uscc, the registrationNumber or both.")
public record InstitutionRequest(
        @NotBlank @Size(max = 200)
        @Schema(description = "Registered Chinese name", example = "玉州区南江街道社区卫生服务中心")
        String name,
        @NotNull
        @Schema(description = "Institution type; decides which division level it hangs under", example = "THC")
        InstitutionType type,
        @NotBlank @Pattern(regexp = "\\d{6}|\\d{9}", message = "must be a 6-digit county or 9-digit township code")
        @Schema(description = "County (6 digits) or township (9 digits) code; the division must exist", example = "450902100")
        String divisionCode,
        @Pattern(regexp = "[0-9A-Z]{18}", message = "must be 18 digits or upper-case letters")
        @Schema(description = "统一社会信用代码, 18 characters with GB 32100 check character", example = "12450902MB1234567G")
        String uscc,
        @Size(max = 50)
        @Schema(description = "医疗机构执业许可证登记号", example = "PDY00001245090217A1001")
        String registrationNumber,
        @Schema(description = "公立 (PUBLIC) or 民营 (PRIVATE)", example = "PUBLIC")
        Ownership ownership,
        @Schema(description = "医院等级, e.g. GRADE_2A = 二级甲等; hospitals, CHSC and THC only", example = "GRADE_1A")
        HospitalGrade grade,
        @Schema(description = "民族医 practised, e.g. ZHUANG = 壮医", example = "ZHUANG")
        EthnicMedicine ethnicMedicine,
        @Schema(description = "Date it opened", example = "1998-06-01")
        LocalDate openedOn,
        @Schema(description = "Date it closed; closing never deletes", example = "2026-01-01")
        LocalDate closedOn) {

    public InstitutionDraft toDraft() {
        return new InstitutionDraft(name, type, divisionCode, uscc, registrationNumber, ownership, grade, ethnicMedicine,
                openedOn, closedOn).normalized();
    }
}
