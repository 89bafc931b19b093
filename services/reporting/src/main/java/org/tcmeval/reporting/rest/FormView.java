package org.tcmeval.reporting.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.reporting.ReporterKind;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.ReportField;
import org.tcmeval.targets.ReportForm;

@Schema(name = "Form", description = "The fields one kind of reporter fills in (填报表单), derived from the indicators "
        + "that read them.")
public record FormView(
        @Schema(example = "THC") String kind,
        ReporterKind reporterKind,
        InstitutionType institutionType,
        @Schema(description = "Whether the form takes a list of technique items (`techniqueItems`, catalogue codes)")
        boolean techniques,
        List<Field> fields) {

    @Schema(name = "FormField")
    public record Field(
            @Schema(example = "tcmPhysicians") String name,
            @Schema(example = "中医类别医师数") String nameZh,
            @Schema(example = "TCM-category physicians") String nameEn,
            @Schema(description = "COUNT: whole number >= 0; FLAG: 0 or 1; PERCENT: 0-100; DECIMAL: number >= 0")
            ReportField.Kind type,
            @Schema(description = "A field this one may not exceed (part of a whole)", example = "physicians")
            String atMost,
            @Schema(description = "Counted from the listed `techniqueItems`; not to be reported as a number")
            boolean derived,
            @Schema(description = "Indicators that read the field", example = "[\"TCM_PHYSICIAN_RATIO\"]")
            List<String> indicators) {
    }

    public static FormView of(String kind, ReporterKind reporterKind, ReportForm form) {
        return new FormView(kind, reporterKind, form.institutionType(), form.hasTechniques(), form.fields().stream()
                .map(e -> new Field(e.field().name(), e.field().nameZh(), e.field().nameEn(), e.field().kind(),
                        e.field().atMost(), e.derived(), e.indicators()))
                .toList());
    }
}
