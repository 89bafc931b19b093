package org.tcmeval.registry.rest;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.registry.EthnicMedicine;
import org.tcmeval.registry.Ownership;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.InstitutionType;

/**
 * Documents the body of {@code PATCH /api/v1/institutions/{id}} (a JSON Merge Patch of
 * {@link InstitutionRequest}); the resource reads the body as JSON and validates the merged result
 * as an {@link InstitutionRequest}, so this type is never instantiated.
 */
@Schema(name = "InstitutionPatch", description = "JSON Merge Patch (RFC 7396) of an InstitutionRequest: only the fields "
        + "to change; `null` clears an optional field. The merged institution must be a valid InstitutionRequest.")
public record InstitutionPatch(
        @Schema(description = "Registered Chinese name", example = "容县杨梅镇中心卫生院") String name,
        @Schema(description = "Institution type; decides which division level it hangs under", example = "THC")
        InstitutionType type,
        @Schema(description = "County (6 digits) or township (9 digits) code; the division must exist", example = "450921101")
        String divisionCode,
        @Schema(description = "统一社会信用代码, 18 characters with GB 32100 check character", nullable = true,
                example = "12450921MB00000170") String uscc,
        @Schema(description = "医疗机构执业许可证登记号", nullable = true, example = "PDY00012345092117A1001")
        String registrationNumber,
        @Schema(description = "公立 (PUBLIC) or 民营 (PRIVATE)", nullable = true, example = "PUBLIC") Ownership ownership,
        @Schema(description = "医院等级; hospitals, CHSC and THC only", nullable = true, example = "GRADE_1A")
        HospitalGrade grade,
        @Schema(description = "民族医 practised", nullable = true, example = "ZHUANG") EthnicMedicine ethnicMedicine,
        @Schema(description = "Date it opened", nullable = true, example = "1958-03-01") LocalDate openedOn,
        @Schema(description = "Date it closed; closing never deletes", nullable = true, example = "2025-06-30")
        LocalDate closedOn) {
}
