package org.tcmeval.evaluation.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.evaluation.fhir.Fhir;
import org.tcmeval.evaluation.fhir.FhirExamples;
import org.tcmeval.evaluation.fhir.FhirExport;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

/**
 * The evaluation results as FHIR R4 (issue 9): a Measure per indicator, summary MeasureReports of
 * a division, individual MeasureReports of an institution. Built with HAPI FHIR's R4 model and
 * written by its JSON parser; errors stay RFC 9457 problems like every other answer of the suite.
 */
@Path("/api/v1/fhir")
@Tag(name = "FHIR", description = "Evaluation results as FHIR R4 Measure and MeasureReport resources (application/fhir+json)")
@SecurityRequirement(name = "bearer")
public class FhirResource {

    @Inject
    FhirExport export;

    @Inject
    Caller caller;

    @GET
    @Path("/Measure/{indicatorCode}")
    @Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.DASHBOARD_READER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "getMeasure", summary = "An indicator as a FHIR R4 Measure",
            description = "The indicator as a FHIR R4 `Measure`: `url` https://tcmeval.org/fhir/Measure/{id} (the code"
                    + " with hyphens), the code as `identifier` (system https://tcmeval.org/fhir/sid/indicator-code),"
                    + " `name` = the code, `title` in Chinese with an English `translation` extension, `status` active,"
                    + " `scoring` proportion (compliance rates, aggregate ratios: reports score the fraction 0-1), ratio"
                    + " (densities per 1,000 or 10,000 residents), cohort (counts of units meeting a rule: the score is"
                    + " the population count) or continuous-variable (counted or directly reported figures), and one"
                    + " group whose populations say what numerator and denominator count; each population's criteria"
                    + " is a FHIRPath expression evaluated for one reporting unit over its counted report figures (the"
                    + " rule of a compliance rate, the summed field of a ratio).\n\n"
                    + "With `year`, the Measure states the target in force in that year for `division` (default: your"
                    + " own division) or set by `profile`: `version` = the profile that sets it, `improvementNotation`"
                    + " increase (AT_LEAST) or decrease (AT_MOST; none for BETWEEN), and the target in the group's"
                    + " `description` and in the extension https://tcmeval.org/fhir/StructureDefinition/target"
                    + " (comparator code, detail Range in the indicator's unit, profile, due year, condition). The"
                    + " MeasureReports point at `url|version`. Without `year`: the computation only.")
    @APIResponse(responseCode = "200", description = "The Measure", content = {
            @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A FHIR R4 Measure resource"),
                    examples = @ExampleObject(name = "measure", value = FhirExamples.MEASURE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A FHIR R4 Measure resource"))})
    @APIResponse(responseCode = "400", description = "Malformed year, division or profile, or division or profile"
            + " without year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown indicator, or division outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The profile is not in force in the year (rule known-profile) or"
            + " does not cover the division (rule covers-division)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> measure(
            @Parameter(description = "Indicator code, or the Measure's FHIR id (the code with hyphens)",
                    example = "TCM_PHYSICIAN_RATIO")
            @PathParam("indicatorCode") @Size(max = 64) String indicatorCode,
            @Parameter(description = "State the targets in force in this year", example = "2024")
            @QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "State the target in force for this division (2, 4 or 6 digit GB/T 2260 code,"
                    + " inside your jurisdiction); default: your own division", example = "450902")
            @QueryParam("division") @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}",
                    message = "must be a 2, 4 or 6 digit GB/T 2260 code") String division,
            @Parameter(description = "State the target this profile (or one it inherits from) sets", example = "guangxi-2022")
            @QueryParam("profile") @Size(min = 1, max = 64) String profile) {
        return export.measure(indicatorCode, year, division, profile, caller.jurisdiction())
                .map(m -> Response.ok(Fhir.json(m)).build());
    }

    @GET
    @Path("/MeasureReport")
    @Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.DASHBOARD_READER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "searchMeasureReports", summary = "Results as FHIR R4 MeasureReports",
            description = "A FHIR `Bundle` of type collection holding one `MeasureReport` per indicator, read from the"
                    + " stored results (nothing is recomputed, except with `profile`). The reports have no id of their"
                    + " own: each carries a stable business `identifier` (system https://tcmeval.org/fhir/sid/measure-report,"
                    + " value division/year/indicator or institution/year/indicator) to upsert on, and its entry's"
                    + " `fullUrl` is a urn:uuid derived from it, the same on every read. Give exactly one of:\n\n"
                    + "- `division`: **summary** reports of the division's scorecard, every indicator listed. `subject`"
                    + " is the division as a Location identified by its GB/T 2260 code (system"
                    + " https://tcmeval.org/fhir/sid/gb-t-2260), `period` the year, `measure` the indicator's canonical"
                    + " versioned with the profile the target comes from, the group's populations the summed numerator"
                    + " and denominator (or the cohort / measure population), `measureScore` the value: the fraction"
                    + " 0-1 for a proportion (18.75% is 0.1875), per 1,000 or 10,000 residents (UCUM /10*3, /10*4) for"
                    + " a density, the figure for a continuous variable; a cohort's score is its population count. The"
                    + " judgement travels in extensions:"
                    + " evaluation-status (MET, NOT_MET, NOT_APPLICABLE, NO_DATA, INCOMPLETE, NO_TARGET,"
                    + " NOT_COMPUTED), evaluation-reason, target, completeness and, where the result read residents"
                    + " (a density's denominator, the medical-community coverage, a condition such as more than 300,000"
                    + " residents), residents with sub-extensions `count` (valueDecimal) and `source` (valueCode"
                    + " REPORTED, REGISTRY or MIXED: the scorecard's population and populationSource) (all under"
                    + " https://tcmeval.org/fhir/StructureDefinition/). A result without a value keeps its group: its"
                    + " `measureScore` carries only the standard data-absent-reason extension (temp-unknown: nothing"
                    + " counting stored yet; unsupported: no report form collects a figure it reads; not-applicable:"
                    + " the target does not bind; unknown otherwise; for a cohort on the population count). FHIR's"
                    + " validator wants a score on every proportion report once it knows the Measure: a result without a"
                    + " value is still not given one. With `profile`, the same figures judged against"
                    + " another profile covering the division, computed on reading as the scorecard does.\n"
                    + "- `institution`: **individual** reports of an institution, one per indicator of its type: what it"
                    + " adds to its county's sums under the county's target (`reporter` = the institution as an"
                    + " Organization identified by its registry id; R4's MeasureReport.subject admits no Organization)."
                    + " Populations numerator/denominator (0/0 when not counted), `measureScore` its own share as a"
                    + " fraction for rates and ratios, and the extension"
                    + " unit-state: COUNTED, EXCLUDED, UNDECIDED (lacks a figure the rule needs) or NOT_REPORTED.\n\n"
                    + "Status is `complete`: each report is the stored result at the time of reading. A city's or"
                    + " province's summary reports are `pending` instead while transactions below it are not folded into"
                    + " its sums yet (the scorecard's `pending` above 0; folded within about a second).")
    @APIResponse(responseCode = "200", description = "A collection Bundle of MeasureReports", content = {
            @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A FHIR R4 Bundle (type collection) of MeasureReport resources"),
                    examples = {@ExampleObject(name = "summary", summary = "division=450902&year=2024 (one entry shown)",
                            value = FhirExamples.SUMMARY),
                            @ExampleObject(name = "individual", summary = "institution=...&year=2024 (one entry shown)",
                                    value = FhirExamples.INDIVIDUAL)}),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A FHIR R4 Bundle (type collection) of MeasureReport resources"))})
    @APIResponse(responseCode = "400", description = "Neither or both of division and institution, a malformed"
            + " division, institution id, year or profile, or profile with institution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Division or institution outside your jurisdiction, or unknown"
            + " institution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The profile is not in force in the year (rule known-profile) or"
            + " does not cover the division (rule covers-division)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> measureReports(
            @Parameter(description = "Summary reports of this division (2, 4 or 6 digit GB/T 2260 code)",
                    example = "450902")
            @QueryParam("division") @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}",
                    message = "must be a 2, 4 or 6 digit GB/T 2260 code") String division,
            @Parameter(description = "Individual reports of this institution (registry id)",
                    example = "0b6a3e4c-8f0e-4c1e-9a53-2f1d7c1e5a10")
            @QueryParam("institution") UUID institution,
            @Parameter(description = "Reporting year", example = "2024")
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "With division: judge against this target profile instead of the one in force,"
                    + " as the scorecard's `profile` does", example = "guangxi-2022")
            @QueryParam("profile") @Size(min = 1, max = 64) String profile,
            @Context UriInfo uri) {
        if ((division == null) == (institution == null)) {
            throw ProblemException.invalid("division", "division-or-institution",
                    "give exactly one of division (summary reports) and institution (individual reports)");
        }
        if (institution != null && profile != null) {
            throw ProblemException.invalid("profile", "division-only", "profile applies to division reports only");
        }
        String self = uri.getRequestUri().toString();
        return (division != null ? export.divisionReports(division, year, profile, caller.jurisdiction(), self)
                : export.institutionReports(institution, year, caller.jurisdiction(), self))
                .map(b -> Response.ok(Fhir.json(b)).build());
    }
}
