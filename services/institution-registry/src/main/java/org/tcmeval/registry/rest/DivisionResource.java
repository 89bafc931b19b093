package org.tcmeval.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.registry.mapping.DivisionMapper;
import org.tcmeval.registry.service.DivisionService;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

@Path("/api/v1/divisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Divisions", description = "Administrative divisions (行政区划, GB/T 2260 plus 9-digit township codes)")
@SecurityRequirement(name = "bearer")
public class DivisionResource {

    @Inject
    DivisionService service;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.NATIONAL_ADMIN})
    @Operation(operationId = "createOrReplaceDivision", summary = "Create or replace a division",
            description = "Idempotent upsert. Level and parent follow from the code (2 = province, 4 = city, 6 = county, "
                    + "9 = township); the parent must exist. Name, label and population replace what is stored; "
                    + "sending what is stored changes nothing. Province administrators inside their province; the national "
                    + "administrator anywhere, so a new province is added before it has an administrator of its own.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DivisionRequest.class),
            examples = {@ExampleObject(name = "county", summary = "容县 (Yulin)",
                    value = "{\"name\": \"容县\", \"levelLabel\": \"县\", \"population\": {\"2024\": 1150000}}"),
                @ExampleObject(name = "sumu", summary = "A sumu-township in Inner Mongolia",
                    value = "{\"name\": \"宝龙山镇\", \"levelLabel\": \"苏木乡镇\", \"population\": {\"2024\": 31200}}")}))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = DivisionView.class)))
    @APIResponse(responseCode = "200", description = "Updated, or already so",
            content = @Content(schema = @Schema(implementation = DivisionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed code, missing name, bad population entry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad-code", value = "{\"type\": \"/problems/"
                            + "validation\", \"title\": \"Request is invalid\", \"status\": 400, \"detail\": \"code '45090' "
                            + "must be 2 (province), 4 (city), 6 (county) or 9 (township) digits\", \"instance\": "
                            + "\"/api/v1/divisions/45090\", \"errors\": [{\"field\": \"code\", \"rule\": \"division-code\", "
                            + "\"message\": \"code '45090' must be 2 (province), 4 (city), 6 (county) or 9 (township) "
                            + "digits\"}]}")))
    @APIResponse(responseCode = "404", description = "Outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The parent division does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "orphan", value = "{\"type\": \"/problems/"
                            + "unprocessable\", \"title\": \"Request cannot be processed\", \"status\": 422, \"detail\": "
                            + "\"the parent 4599 of 459921 does not exist; create it first\", \"errors\": [{\"field\": "
                            + "\"code\", \"rule\": \"parent-exists\", \"message\": \"the parent 4599 of 459921 does not "
                            + "exist; create it first\"}]}")))
    public Uni<Response> put(@Parameter(description = "Division code", example = "450921") @PathParam("code") String code,
            @Valid @NotNull DivisionRequest request) {
        return service.upsert(code, request, caller.jurisdiction(), caller.subject()).map(u -> (u.created()
                ? Response.created(uri.getAbsolutePath()) : Response.ok())
                .tag(String.valueOf(u.division().revision)).entity(DivisionMapper.toView(u.division())).build());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.INSTITUTION_REPORTER,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION, Roles.CATALOG_ADMIN})
    @Operation(operationId = "getDivision", summary = "Read a division", description = "A division with its resident population by year, e.g. "
            + "450921 容县.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DivisionView.class),
            examples = @ExampleObject(name = "容县", value = "{\"code\": \"450921\", \"parentCode\": \"4509\", \"level\": "
                    + "\"COUNTY\", \"name\": \"容县\", \"levelLabel\": \"县\", \"population\": {\"2023\": 646000, \"2024\": "
                    + "651000}, \"revision\": 0, \"updatedAt\": \"2025-03-01T09:30:00+08:00\"}")))
    @APIResponse(responseCode = "400", description = "Malformed code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@Parameter(description = "Division code", example = "450921") @PathParam("code") String code) {
        return service.get(code, caller.jurisdiction()).map(d -> Response.ok(DivisionMapper.toView(d))
                .tag(String.valueOf(d.revision)).build());
    }

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.INSTITUTION_REPORTER,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION, Roles.CATALOG_ADMIN})
    @Operation(operationId = "listDivisions", summary = "List the children of a division",
            description = "The divisions one level below `parent`, in code order: the cities of a province, the counties "
                    + "of a city (e.g. parent=4509 gives 玉州区, 福绵区, 容县 ...), the townships of a county.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DivisionView.class,
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
            examples = @ExampleObject(name = "玉林市", value = "[{\"code\": \"450902\", \"parentCode\": \"4509\", "
                    + "\"level\": \"COUNTY\", \"name\": \"玉州区\", \"levelLabel\": \"市辖区\", \"population\": "
                    + "{\"2024\": 1150000}, \"revision\": 0}, {\"code\": \"450921\", \"parentCode\": \"4509\", "
                    + "\"level\": \"COUNTY\", \"name\": \"容县\", \"levelLabel\": \"县\", \"population\": "
                    + "{\"2024\": 651000}, \"revision\": 0}]")))
    @APIResponse(responseCode = "400", description = "Malformed parent code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Parent unknown, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<DivisionView>> children(@Parameter(description = "Parent code; default: your own division",
            example = "4509") @QueryParam("parent") String parent) {
        return service.children(parent == null || parent.isBlank() ? null : parent.strip(), caller.jurisdiction())
                .map(list -> list.stream().map(DivisionMapper::toView).toList());
    }
}
