package org.tcmeval.catalog.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.targets.Condition;
import org.tcmeval.targets.HospitalGrade;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Condition", description = "Which units a target applies to (适用条件), or what one unit must meet. "
        + "`compare`: `field op value` on a report field or county fact; `grade`: hospital grade from `min` (up to "
        + "`max`); `share`: `part` >= `percent`% of `whole` on one unit; `all` / `any`: every / one of `parts`.",
        example = "{\"type\": \"all\", \"parts\": [{\"type\": \"compare\", \"field\": \"residentPopulation\", "
                + "\"op\": \"GT\", \"value\": 300000}, {\"type\": \"compare\", \"field\": "
                + "\"tcmHospitalsGrade2aOrAbove\", \"op\": \"GE\", \"value\": 1}]}")
public record ConditionBody(
        @Schema(required = true, enumeration = {"compare", "grade", "share", "all", "any"}, example = "compare")
        String type,
        @Schema(description = "compare: report field or fact name", example = "residentPopulation") String field,
        @Schema(description = "compare: operator", example = "GT") Condition.Op op,
        @Schema(description = "compare: value", example = "300000") BigDecimal value,
        @Schema(description = "grade: lowest grade", example = "GRADE_2") HospitalGrade min,
        @Schema(description = "grade: highest grade, open when absent", example = "GRADE_2A") HospitalGrade max,
        @Schema(description = "share: numerator field", example = "tcmPhysicians") String part,
        @Schema(description = "share: denominator field", example = "physicians") String whole,
        @Schema(description = "share: percentage", example = "25") BigDecimal percent,
        @Schema(description = "all / any: the parts") List<ConditionBody> parts) {
}
