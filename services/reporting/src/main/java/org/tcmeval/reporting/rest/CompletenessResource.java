package org.tcmeval.reporting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.reporting.service.WorklistService;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

@Path("/api/v1/completeness/{division}/{period}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Completeness", description = "Who reported and who is missing or late")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN, Roles.DASHBOARD_READER,
        Roles.PLATFORM_INTEGRATION})
public class CompletenessResource {

    @Inject
    WorklistService worklist;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getCompleteness", summary = "Reporting completeness of a division for a period",
            description = "Expected, received, approved, returned, awaiting review, late and missing institution "
                    + "reports, for the division and per child division.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CompletenessView.class)))
    @APIResponse(responseCode = "400", description = "Not a period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a division, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CompletenessView> get(@Parameter(example = "450902") @PathParam("division") String division,
            @Parameter(example = "2024") @PathParam("period") String period) {
        return worklist.completeness(division, period, caller.jurisdiction()).map(r -> new CompletenessView(division,
                period, r.window().opensOn(), r.window().closesOn(), r.total(), r.total().receivedPercent(),
                r.children()));
    }

    @GET
    @Path("/missing")
    @Operation(operationId = "listMissingReporters", summary = "Institutions that have not reported for the period")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MissingPage.class)))
    @APIResponse(responseCode = "400", description = "Not a period, or a bad cursor or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a division, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MissingPage> missing(@Parameter(example = "450902") @PathParam("division") String division,
            @Parameter(example = "2024") @PathParam("period") String period,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1-500") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500)
            int limit) {
        return worklist.missing(division, period, cursor == null || cursor.isBlank() ? null : cursor.strip(), limit,
                caller.jurisdiction()).map(p -> new MissingPage(p.items().stream()
                        .map(m -> new MissingPage.Item(m.id(), m.name(), m.type(), m.divisionCode())).toList(),
                        p.nextCursor()));
    }
}
