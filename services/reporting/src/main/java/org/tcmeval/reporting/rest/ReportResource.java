package org.tcmeval.reporting.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.reporting.ReportAction;
import org.tcmeval.reporting.ReportContent;
import org.tcmeval.reporting.ReportPeriod;
import org.tcmeval.reporting.ReportQuery;
import org.tcmeval.reporting.ReportStatus;
import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.reporting.ReporterKind;
import org.tcmeval.reporting.mapping.ReportCsv;
import org.tcmeval.reporting.mapping.ReportMapper;
import org.tcmeval.reporting.service.ReportService;
import org.tcmeval.reporting.service.ReviewService;
import org.tcmeval.reporting.service.WorklistService;
import org.tcmeval.support.http.RequestParams;
import org.tcmeval.support.idempotency.Idempotency;
import org.tcmeval.support.paging.PageLinks;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.security.Roles;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Periodic reports (定期报告) of institutions, counties, cities and provinces; every "
        + "version is kept")
@SecurityRequirement(name = "bearer")
public class ReportResource {

    static final String CSV = "text/csv";
    /** A province's year is ~25,000 reports; a CSV beyond this many rows is cut to keep memory bounded. */
    static final int CSV_MAX_ROWS = 200_000;

    @Inject
    WorklistService worklist;

    @Inject
    ReportService service;

    @Inject
    ReviewService reviews;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSTITUTION_REPORTER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN,
            Roles.PLATFORM_INTEGRATION})
    @Operation(operationId = "submitReport", summary = "File a report (or save it as a draft)",
            description = "Files version 1 of a report for a period. Institutions report with `institutionId` "
                    + "(institution reporter, county reviewer or the platform); a county bureau files its county's "
                    + "report with a 6-digit `divisionCode`, a city admin its city's (4 digits), a province admin its "
                    + "province's (2 digits). A submission (not a draft) must fall in the province's reporting window "
                    + "for the period (`GET /api/v1/windows/{province}/{period}`) and is published as "
                    + "`report-submitted`, reaching Kafka even if the broker is down at this moment (outbox). Send an "
                    + "`Idempotency-Key` so that a retry takes effect once.")
    @APIResponse(responseCode = "201", description = "Filed; the ETag is the report's revision",
            content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A figure, a technique item or the period is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A report of this reporter and period exists (correct it with "
            + "PUT), or a request with the same Idempotency-Key is being processed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Reporter unknown, outside your jurisdiction or not operating in "
            + "the period; or the reporting window is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(@Valid @NotNull ReportRequest request,
            @Parameter(description = "Client-chosen key; a retry with the same key takes effect once")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        if ((request.institutionId() == null) == (request.divisionCode() == null)) {
            throw ProblemException.invalid("institutionId", "one-reporter",
                    "give exactly one of institutionId (an institution's report) and divisionCode (a division's own)");
        }
        Jurisdiction jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        ReportContent content = new ReportContent(request.figures(), request.techniqueItems());
        ReportAction action = request.isDraft() ? ReportAction.SAVE_DRAFT : ReportAction.SUBMIT;
        return idempotency.once(idempotencyKey, who + ":submit-report", request, () -> (request.institutionId() != null
                ? service.fileForInstitution(request.institutionId(), request.period(), content, action, jurisdiction, who)
                : service.fileForDivision(request.divisionCode(), request.period(), content, action, jurisdiction, who))
                .chain(r -> answer(r, Response.created(uri.getAbsolutePathBuilder().path(r.id.toString()).build()))));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSTITUTION_REPORTER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN,
            Roles.PLATFORM_INTEGRATION})
    @Operation(operationId = "reviseReport", summary = "Correct a report, save a draft again, or submit a draft",
            description = "Adds a new version with the complete figures; earlier versions stay readable "
                    + "(`GET /api/v1/reports/{id}/history`). A correction of a returned or approved report goes back "
                    + "to review. `If-Match` must carry the report's current ETag (from GET), else 412; without it 428.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A figure or technique item is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The workflow does not allow this (a submitted report cannot "
            + "become a draft again)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The report changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The reporting window is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> revise(@PathParam("id") UUID id, @Valid @NotNull ReportRevisionRequest request,
            @Parameter(description = "ETag of the report as you read it, e.g. \"1\"", example = "\"1\"")
            @HeaderParam("If-Match") String ifMatch) {
        int expected = (int) ProblemException.ifMatchRevision(ifMatch);
        Jurisdiction jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        ReportContent content = new ReportContent(request.figures(), request.techniqueItems());
        ReportAction action = request.isDraft() ? ReportAction.SAVE_DRAFT : ReportAction.SUBMIT;
        return Panache.withTransaction(() -> service.revise(id, expected, content, action, jurisdiction, who)
                .chain(r -> answer(r, Response.ok())));
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ReportResource.CSV})
    @RolesAllowed({Roles.INSTITUTION_REPORTER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION})
    @Operation(operationId = "listReports", summary = "Worklist: reports under a division",
            description = "Reports whose reporter lies under `division` (default: your jurisdiction; an ancestor of it "
                    + "is narrowed to it), optionally of one period, statuses and reporter kinds, in pages of `limit` "
                    + "(keyset on the id: stable while reports arrive). Drafts appear only with `status=DRAFT`. With "
                    + "`Accept: text/csv` every matching report comes as one UTF-8 CSV file with a BOM (no paging).")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportPage.class)),
            @Content(mediaType = ReportResource.CSV, schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A filter, the cursor or the limit is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> list(
            @Parameter(description = "Division code prefix (2, 4, 6 or 9 digits)", example = "450902")
            @QueryParam("division") String division,
            @Parameter(description = "`2024` or `2024-Q3`", example = "2024") @QueryParam("period") String period,
            @Parameter(description = "SUBMITTED, APPROVED, RETURNED, DRAFT; repeat or comma-separate; default all but DRAFT")
            @QueryParam("status") List<String> status,
            @Parameter(description = "INSTITUTION, COUNTY, CITY, PROVINCE; repeat or comma-separate")
            @QueryParam("kind") List<String> kind,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1-500", example = "50") @QueryParam("limit") @DefaultValue("50")
            @Min(1) @Max(500) int limit,
            @HeaderParam("Accept") String accept) {
        if (period != null && ReportPeriod.parse(period).isEmpty()) {
            throw ProblemException.invalid("period", "period-format", "period must be a year (2024) or a quarter (2024-Q3)");
        }
        if (division != null && !division.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
            throw ProblemException.invalid("division", "division-code", "division must be a 2, 4, 6 or 9 digit code");
        }
        String prefix = caller.jurisdiction().narrow(division);
        if (prefix == null) {
            return Uni.createFrom().item(Response.ok(new ReportPage(List.of(), null)).build());
        }
        var query = new ReportQuery(prefix, period, RequestParams.enums("status", status, ReportStatus.class),
                RequestParams.enums("kind", kind, ReporterKind.class));
        boolean csv = accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        String after = cursor == null || cursor.isBlank() ? null : cursor.strip();
        // A county's year fits in one CSV file; beyond CSV_MAX_ROWS the rest follows the Link header.
        return service.ownReporter(caller.jurisdiction()).map(query::withReporter).chain(q -> csv
                ? worklist.list(q, after, CSV_MAX_ROWS).map(p -> Response.ok(ReportCsv.write(p.items()))
                        .type(CSV + ";charset=UTF-8").header(HttpHeaders.LINK, PageLinks.next(uri, p.nextCursor())).build())
                : worklist.list(q, after, limit)
                        .map(p -> Response.ok(new ReportPage(p.items().stream().map(ReportSummary::of).toList(),
                                p.nextCursor())).type(MediaType.APPLICATION_JSON).build()));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @RolesAllowed({Roles.INSTITUTION_REPORTER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION})
    @Operation(operationId = "getReport", summary = "Read a report with its current figures")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id, caller.jurisdiction()).chain(r -> answer(r, Response.ok()));
    }

    @POST
    @Path("/{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "decideReport", summary = "Approve or return a report",
            description = "Decides on the report's current version. The county reviewer decides on its institutions' "
                    + "reports, the city admin on its counties', the province admin on its cities'. `If-Match` names "
                    + "the revision you reviewed, so a correction filed meanwhile is never approved unseen. Nobody "
                    + "decides on a version they submitted themselves. Published as `report-submitted` with the new status.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "No comment on a return",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not awaiting a decision (a draft, or already decided)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The report changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request,
            @Parameter(description = "The report's ETag as you reviewed it", example = "\"1\"")
            @HeaderParam("If-Match") String ifMatch) {
        int expected = (int) ProblemException.ifMatchRevision(ifMatch);
        var jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        return Panache.withTransaction(() -> reviews.decide(id, expected, ReviewResource.action(request.decision()), request.comment(),
                        jurisdiction, who)
                .chain(r -> answer(r, Response.ok())));
    }

    @GET
    @Path("/{id}/history")
    @WithSession
    @RolesAllowed({Roles.INSTITUTION_REPORTER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION})
    @Operation(operationId = "getReportHistory", summary = "Every version and decision of a report",
            description = "Who changed what and when: each version with its field-level difference to the previous "
                    + "one, and each review decision with the version it was made on.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HistoryView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<HistoryView> history(@PathParam("id") UUID id) {
        return reviews.history(id, caller.jurisdiction()).map(ReportMapper::toHistory);
    }

    private Uni<Response> answer(ReportSubmission r, Response.ResponseBuilder builder) {
        return service.current(r).map(v -> builder.entity(ReportMapper.toView(r, v))
                .tag(String.valueOf(r.revision)).build());
    }
}
