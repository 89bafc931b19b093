package org.tcmeval.reporting.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.reporting.ReportPeriod;
import org.tcmeval.reporting.service.WindowService;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

@Path("/api/v1/windows")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reporting windows", description = "When reports of a period may be submitted (填报时间窗), and reopenings")
@SecurityRequirement(name = "bearer")
public class WindowResource {

    private static final String PERIOD = "20\\d{2}(-Q[1-4])?";

    @Inject
    WindowService windows;

    @Inject
    Caller caller;

    @GET
    @Path("/{province}/{period}")
    @WithSession
    @RolesAllowed({Roles.INSTITUTION_REPORTER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION})
    @Operation(operationId = "getReportingWindow", summary = "The reporting window of a province and period")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WindowView.class)))
    @APIResponse(responseCode = "400", description = "Not a province code or period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@Parameter(example = "45") @PathParam("province") @Pattern(regexp = "\\d{2}") String province,
            @Parameter(example = "2025") @PathParam("period") @Pattern(regexp = PERIOD) String period) {
        return windows.current(province, period).map(s -> Response.ok(new WindowView(province, period,
                s.window().opensOn(), s.window().closesOn(), s.window().byDefault(), s.revision()))
                .tag(String.valueOf(s.revision())).build());
    }

    @PUT
    @Path("/{province}/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "setReportingWindow", summary = "Set a province's reporting window for a period",
            description = "Only an admin of that province. `If-Match: \"0\"` sets the first window of a period; "
                    + "afterwards the ETag from GET.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WindowView.class)))
    @APIResponse(responseCode = "400", description = "Closes before it opens, or a bad code or period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The window changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> set(@Parameter(example = "45") @PathParam("province") @Pattern(regexp = "\\d{2}") String province,
            @Parameter(example = "2025") @PathParam("period") @Pattern(regexp = PERIOD) String period,
            @Valid @NotNull WindowRequest request,
            @Parameter(description = "\"0\" to create, else the ETag from GET", example = "\"0\"")
            @HeaderParam("If-Match") String ifMatch) {
        int expected = (int) ProblemException.ifMatchRevision(ifMatch);
        if (request.closesOn().isBefore(request.opensOn())) {
            throw ProblemException.invalid("closesOn", "not-before-opens-on", "closesOn must be on or after opensOn");
        }
        var jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        var window = new ReportPeriod.Window(request.opensOn(), request.closesOn(), false);
        return Panache.withTransaction(() -> windows.set(province, period, window, expected, jurisdiction, who))
                .map(w -> Response.ok(new WindowView(province, period, w.opensOn, w.closesOn, false, w.revision))
                        .tag(String.valueOf(w.revision)).build());
    }

    @PUT
    @Path("/{period}/reopenings/{reporterId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "reopenReportingWindow", summary = "Let one reporter submit after the window closed",
            description = "The reviewer of the reporter (the county for an institution, the city for a county, the "
                    + "province for a city) lets it submit the period's report until `until`. Setting it again "
                    + "replaces the date.")
    @APIResponse(responseCode = "204", description = "Reopened")
    @APIResponse(responseCode = "400", description = "until is in the past, or a bad period or reporter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Reporter unknown or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reopen(@Parameter(example = "2025") @PathParam("period") @Pattern(regexp = PERIOD) String period,
            @Parameter(description = "Institution id, or the code of a county, city or province")
            @PathParam("reporterId") @Pattern(regexp = "[0-9a-fA-F-]{2,36}") String reporterId,
            @Valid @NotNull ReopeningRequest request) {
        var jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        return Panache.withTransaction(() -> windows.reopen(reporterId, period, request.until(), jurisdiction, who))
                .replaceWith(Response.noContent().build());
    }
}
