package org.tcmeval.reporting.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.reporting.mapping.ReportMapper;
import org.tcmeval.reporting.service.ReportService;
import org.tcmeval.support.idempotency.Idempotency;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.security.Roles;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Periodic reports of institutions (定期报告); every version is kept")
@SecurityRequirement(name = "bearer")
public class ReportResource {

    @Inject
    ReportService service;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSTITUTION_REPORTER, Roles.COUNTY_REVIEWER, Roles.PLATFORM_INTEGRATION})
    @Operation(summary = "Submit a report",
            description = "Files version 1 of an institution's report for a period and publishes `report-submitted`. "
                    + "The event reaches Kafka even if the broker is down at this moment (transactional outbox). "
                    + "Send an `Idempotency-Key` so that a retry takes effect once.")
    @APIResponse(responseCode = "201", description = "Accepted",
            content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A figure or the period is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A report for this institution and period exists; correct it with PUT",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Institution unknown or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(@Valid @NotNull ReportRequest request,
            @Parameter(description = "Client-chosen key; a retry with the same key takes effect once")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Jurisdiction jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        return idempotency.once(idempotencyKey, who + ":submit-report", request,
                () -> service.submit(request, jurisdiction, who).flatMap(r -> service.current(r).map(v -> Response
                        .created(uri.getAbsolutePathBuilder().path(r.id.toString()).build())
                        .tag(String.valueOf(r.currentVersion))
                        .entity(ReportMapper.toView(r, v)).build())));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSTITUTION_REPORTER, Roles.COUNTY_REVIEWER, Roles.PLATFORM_INTEGRATION})
    @Operation(summary = "Correct a report",
            description = "Adds a new version with corrected figures; earlier versions stay readable. `If-Match` must "
                    + "carry the current version's ETag (from GET), else 412.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "412", description = "The report changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> correct(@PathParam("id") UUID id, @Valid @NotNull ReportRequest request,
            @Parameter(description = "ETag of the version you corrected, e.g. \"1\"", example = "\"1\"")
            @HeaderParam("If-Match") String ifMatch) {
        int expected = (int) ProblemException.ifMatchRevision(ifMatch);
        Jurisdiction jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        return io.quarkus.hibernate.reactive.panache.Panache.withTransaction(() -> service
                .correct(id, request.figures(), expected, jurisdiction, who)
                .flatMap(r -> service.current(r).map(v -> Response.ok(ReportMapper.toView(r, v))
                        .tag(String.valueOf(r.currentVersion)).build())));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @RolesAllowed({Roles.INSTITUTION_REPORTER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION})
    @Operation(summary = "Read a report with its current figures")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id, caller.jurisdiction()).flatMap(r -> service.current(r)
                .map(v -> Response.ok(ReportMapper.toView(r, v)).tag(String.valueOf(r.currentVersion)).build()));
    }
}
