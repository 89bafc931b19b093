package org.tcmeval.reporting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.reporting.bulk.BulkReports;
import org.tcmeval.reporting.bulk.ErrorCsv;
import org.tcmeval.reporting.bulk.ReportJob;
import org.tcmeval.reporting.bulk.ReportJobs;
import org.tcmeval.reporting.bulk.RowError;
import org.tcmeval.support.idempotency.Idempotency;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.Rules;
import org.tcmeval.support.ratelimit.RateLimited;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

@Path("/api/v1/report-jobs")
@Tag(name = "Report jobs", description = "Bulk filing (批量填报): many reports in one upload, processed in the background")
@SecurityRequirement(name = "bearer")
public class ReportJobResource {

    static final String CSV = "text/csv";
    static final String CSV_EXAMPLE = "统一社会信用代码,报告期,医师总数,中医类别医师数,中医药适宜技术\r\n"
            + "12450902MB00000058,2024,8,2,ACUPUNCTURE_FILIFORM;MOXIBUSTION_SUSPENDED\r\n";
    static final String JSON_EXAMPLE = "{\"reports\": [{\"uscc\": \"12450902MB00000058\", \"period\": \"2024\", "
            + "\"figures\": {\"physicians\": 8, \"tcmPhysicians\": 2}}, {\"divisionCode\": \"450902\", \"period\": "
            + "\"2024\", \"figures\": {\"residentPopulation\": 620000, \"tcmGeneralPractitioners\": 31}}]}";

    @Inject
    ReportJobs jobs;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes({CSV, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLATFORM_INTEGRATION, Roles.PROVINCE_ADMIN, Roles.COUNTY_REVIEWER})
    @RateLimited
    @APIResponse(responseCode = "429", description = RateLimited.DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "submitReportJob", summary = "File many reports at once (asynchronous)",
            description = "One report per row, as `text/csv` (UTF-8, a BOM is fine; header row in English - "
                    + "`institutionId`, `uscc`, `registrationNumber` or `divisionCode`, `period`, `techniques` (item codes "
                    + "separated by `;`) and the form's field names - or in Chinese as the forms name them: 统一社会信用代码, "
                    + "登记号, 机构ID, 行政区划代码, 报告期, 中医药适宜技术, 医师总数, 中医类别医师数, ...) or `application/json` "
                    + "(`{\"reports\": [{\"uscc\": .., \"period\": .., \"figures\": {..}, \"techniques\": [..]}]}`), at most "
                    + "20 MB. Each row is checked by the rules of a single submission (roles, your jurisdiction, known and "
                    + "operating institution, period, the reporter's form, the reporting window). A row for a reporter and "
                    + "period that already has a report adds a version (back to review) when its figures or techniques "
                    + "differ, and changes nothing when they are equal. Technique item codes are stored as given, as for "
                    + "single submissions. `mode=all-or-nothing` (default): one bad row and nothing is stored; "
                    + "`mode=good-rows`: good rows are stored, bad ones listed. `dryRun=true` only checks. Answers 202 once "
                    + "the job is durably recorded; poll the Location. Every stored report is published as "
                    + "`report-submitted` through the outbox, in order per reporter. Send an `Idempotency-Key`: a retry "
                    + "answers the same job.")
    @RequestBody(content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "玉州区", value = CSV_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "玉州区", value = JSON_EXAMPLE))})
    @APIResponse(responseCode = "202", description = "Accepted and recorded; Location is the job",
            content = @Content(schema = @Schema(implementation = ReportJobView.class)))
    @APIResponse(responseCode = "400", description = "Not UTF-8, not CSV/JSON, a bad header, or no rows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is being processed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than 20 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither text/csv nor application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another upload",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(byte[] body, @HeaderParam("Content-Type") String contentType,
            @Parameter(description = "all-or-nothing (default) or good-rows", example = "all-or-nothing")
            @QueryParam("mode") String mode,
            @Parameter(description = "Only check the rows", example = "false") @QueryParam("dryRun") String dryRun,
            @Parameter(description = "Client-chosen key; a retry with the same key answers the same job")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        ReportJob.Mode m = mode(mode);
        boolean dry = bool("dryRun", dryRun);
        return jobs.accept(body, contentType, m, dry, idempotencyKey, caller.jurisdiction(), caller.subject(),
                job -> Response.accepted(view(job)).location(location(job.id)).build());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLATFORM_INTEGRATION, Roles.PROVINCE_ADMIN, Roles.COUNTY_REVIEWER})
    @Operation(operationId = "getReportJob", summary = "A bulk report job's state and counts",
            description = "Visible to whoever submitted it and to the province admins, reviewers and platform of a "
                    + "jurisdiction that covers the submitter's.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportJobView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not yours to see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportJobView> get(@PathParam("id") UUID id) {
        return jobs.get(id, caller.jurisdiction(), caller.subject()).map(this::view);
    }

    @GET
    @Path("/{id}/errors")
    @Produces({MediaType.APPLICATION_JSON, CSV + ";charset=UTF-8"})
    @RolesAllowed({Roles.PLATFORM_INTEGRATION, Roles.PROVINCE_ADMIN, Roles.COUNTY_REVIEWER})
    @Operation(operationId = "getReportJobErrors", summary = "The row errors of a bulk report job",
            description = "Every broken rule of every refused row, in row order: row (as a spreadsheet numbers it, "
                    + "header = 1; for JSON the position from 1), field, rule and message. `Accept: text/csv` answers CSV "
                    + "in UTF-8 with a BOM (Excel shows the Chinese); cells that would start a formula get a leading `'`.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = RowError.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "errors", value = "row,field,rule,message\r\n"
                            + "3,figures.tcmPhysicians,at-most-physicians,tcmPhysicians (9) must not exceed physicians (8)\r\n"))})
    @APIResponse(responseCode = "404", description = "Unknown, or not yours to see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> errors(@PathParam("id") UUID id, @HeaderParam("Accept") String accept) {
        boolean csv = accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV)
                && !accept.toLowerCase(Locale.ROOT).contains(MediaType.APPLICATION_JSON);
        return jobs.errors(id, caller.jurisdiction(), caller.subject()).map(errors -> csv
                ? Response.ok(ErrorCsv.write(errors), CSV + ";charset=UTF-8").header("Content-Disposition",
                        "attachment; filename=\"report-job-" + id + "-errors.csv\"").build()
                : Response.ok((List<RowError>) errors, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/{id}/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLATFORM_INTEGRATION, Roles.PROVINCE_ADMIN, Roles.COUNTY_REVIEWER})
    @Operation(operationId = "getReportJobReports", summary = "Which report each stored row became",
            description = "For each row that was stored or found unchanged, in row order: the report's id, its revision "
                    + "after the job (the ETag a reviewer's decision names) and the outcome CREATED, REVISED or UNCHANGED. "
                    + "Empty for a dry run and a rejected job.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = BulkReports.RowResult.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not yours to see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<BulkReports.RowResult>> reports(@PathParam("id") UUID id) {
        return jobs.results(id, caller.jurisdiction(), caller.subject());
    }

    private ReportJobView view(ReportJob job) {
        return ReportJobView.of(job, location(job.id) + "/errors");
    }

    private URI location(UUID id) {
        return uri.getBaseUriBuilder().path("api/v1/report-jobs").path(id.toString()).build();
    }

    static ReportJob.Mode mode(String mode) {
        if (mode == null || mode.isBlank() || mode.equalsIgnoreCase("all-or-nothing")) {
            return ReportJob.Mode.ALL_OR_NOTHING;
        }
        if (mode.equalsIgnoreCase("good-rows")) {
            return ReportJob.Mode.GOOD_ROWS;
        }
        throw ProblemException.invalid("mode", Rules.ONE_OF, "mode is all-or-nothing or good-rows");
    }

    static boolean bool(String name, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.invalid(name, "boolean", name + " is true or false");
    }
}
