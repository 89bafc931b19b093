package org.tcmeval.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.registry.mapping.InstitutionMapper;
import org.tcmeval.registry.service.InstitutionService;
import org.tcmeval.support.idempotency.Idempotency;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.security.Roles;

@Path("/api/v1/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions", description = "Grassroots medical institutions (基层医疗卫生机构)")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Access token from Keycloak realm `tcm`; its `division` claim scopes what you see")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No or invalid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InstitutionResource {

    @Inject
    InstitutionService service;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.PLATFORM_INTEGRATION})
    @Operation(summary = "Register an institution",
            description = "Registers an institution in a division inside your jurisdiction and publishes "
                    + "`institution-changed`. Send an `Idempotency-Key` to make retries safe.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (problem names the field and rule)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "USCC already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull InstitutionRequest request,
            @Parameter(description = "Client-chosen key; a retry with the same key takes effect once")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Jurisdiction jurisdiction = caller.jurisdiction();
        return idempotency.once(idempotencyKey, caller.subject() + ":create-institution", request,
                () -> service.create(request, jurisdiction).map(i -> Response
                        .created(uri.getAbsolutePathBuilder().path(i.id.toString()).build())
                        .entity(InstitutionMapper.toView(i)).build()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.INSTITUTION_REPORTER,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION, Roles.CATALOG_ADMIN})
    @Operation(summary = "Read an institution")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InstitutionView> get(@PathParam("id") UUID id) {
        return service.get(id, caller.jurisdiction()).map(InstitutionMapper::toView);
    }

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.INSTITUTION_REPORTER,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION, Roles.CATALOG_ADMIN})
    @Operation(summary = "List institutions of a division",
            description = "Institutions whose division code starts with `division`, in id order. Page with `after` = "
                    + "the last id of the previous page; the order is stable under concurrent inserts.")
    public Uni<List<InstitutionView>> list(
            @Parameter(description = "Division code prefix (2, 4, 6 or 9 digits); default: your jurisdiction",
                    example = "450902")
            @QueryParam("division") @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}|\\d{9}") String division,
            @Parameter(description = "Id of the last institution of the previous page") @QueryParam("after") UUID after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return service.list(division, after, limit, caller.jurisdiction())
                .map(list -> list.stream().map(InstitutionMapper::toView).toList());
    }
}
