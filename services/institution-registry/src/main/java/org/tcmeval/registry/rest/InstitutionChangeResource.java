package org.tcmeval.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.registry.Institution;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.mapping.InstitutionMapper;
import org.tcmeval.registry.mapping.MergePatch;
import org.tcmeval.registry.service.InstitutionService;
import org.tcmeval.registry.service.RegistryClock;
import org.tcmeval.support.http.RequestParams;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.security.Roles;

/** Changes of an institution, each guarded by the ETag the caller read (lost-update protection). */
@Path("/api/v1/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions")
@SecurityRequirement(name = "bearer")
public class InstitutionChangeResource {

    @Inject
    InstitutionService service;

    @Inject
    Caller caller;

    @Inject
    RegistryClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.PLATFORM_INTEGRATION})
    @Operation(operationId = "replaceInstitution", summary = "Replace an institution",
            description = "Replaces every field (an omitted field becomes empty). Requires `If-Match` with the ETag from "
                    + "GET. Close an institution by setting `closedOn`; it is never deleted. Publishes "
                    + "`institution-changed` when something changed.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InstitutionRequest.class),
            examples = @ExampleObject(name = "关闭", summary = "Closing", value = "{\"name\": \"容县杨梅镇卫生院\", \"type\": "
                    + "\"THC\", \"divisionCode\": \"450921101\", \"uscc\": \"12450921MB00000170\", \"openedOn\": "
                    + "\"1958-03-01\", \"closedOn\": \"2025-06-30\"}")))
    @APIResponse(responseCode = "200", description = "Changed (or already so); `ETag` is the new revision",
            content = @Content(schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "USCC or registration number belongs to another institution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The institution changed since you read it (ETag mismatch)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The new division does not exist or is outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> replace(@PathParam("id") UUID id, @Valid @NotNull InstitutionRequest request,
            @Parameter(description = "ETag from GET", example = "\"0\"") @HeaderParam("If-Match") String ifMatch) {
        InstitutionDraft draft = request.toDraft();
        return change(id, ifMatch, current -> draft);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.PLATFORM_INTEGRATION})
    @Operation(operationId = "updateInstitution", summary = "Change some fields of an institution",
            description = "JSON Merge Patch (RFC 7396): fields sent replace, `null` clears, fields left out stay. "
                    + "Requires `If-Match` with the ETag from GET. Publishes `institution-changed` when something changed.")
    @RequestBody(content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = InstitutionPatch.class),
            examples = {@ExampleObject(name = "更名", summary = "Rename",
                    value = "{\"name\": \"容县杨梅镇中心卫生院\"}"),
                @ExampleObject(name = "关闭", summary = "Close", value = "{\"closedOn\": \"2025-06-30\"}")}))
    @APIResponse(responseCode = "200", description = "Changed (or already so); `ETag` is the new revision",
            content = @Content(schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid or unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "USCC or registration number belongs to another institution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The institution changed since you read it (ETag mismatch)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = "{\"type\": \"/problems/"
                            + "revision-mismatch\", \"title\": \"Precondition failed\", \"status\": 412, \"detail\": "
                            + "\"institution 0190a5e8-8c1b-7a57-9d8e-2b7f1f6a0c11 is at revision 2, not 1; GET it again\"}")))
    @APIResponse(responseCode = "422", description = "The new division does not exist or is outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> patch(@PathParam("id") UUID id, @NotNull JsonNode patch,
            @Parameter(description = "ETag from GET", example = "\"0\"") @HeaderParam("If-Match") String ifMatch) {
        return change(id, ifMatch, current -> MergePatch.apply(current, patch, json, validator));
    }

    private Uni<Response> change(UUID id, String ifMatch, UnaryOperator<InstitutionDraft> change) {
        long expected = RequestParams.ifMatch(ifMatch);
        Jurisdiction jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        return Panache.withTransaction(() -> service.update(id, expected, change, jurisdiction, who)).map(this::ok);
    }

    private Response ok(Institution i) {
        return Response.ok(InstitutionMapper.toView(i, clock.today())).tag(String.valueOf(i.revision)).build();
    }
}
