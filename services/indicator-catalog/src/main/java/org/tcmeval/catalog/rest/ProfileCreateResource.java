package org.tcmeval.catalog.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
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
import org.tcmeval.catalog.ProfileRules;
import org.tcmeval.catalog.mapping.ProfileMapper;
import org.tcmeval.catalog.service.ProfileService;
import org.tcmeval.support.http.RequestParams;
import org.tcmeval.support.idempotency.Idempotency;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.security.Roles;
import org.tcmeval.targets.Target;

/** Catalog admins create a profile for a division of their jurisdiction, under an existing parent. */
@Path("/api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profiles")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CATALOG_ADMIN)
@APIResponse(responseCode = "400", description = "A field breaks a rule; `errors` names the field and the rule",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = {@ExampleObject(name = "130%", value = Examples.BAD_THRESHOLD),
                    @ExampleObject(name = "未知上级", value = Examples.UNKNOWN_PARENT)}))
@APIResponse(responseCode = "403", description = "Not a catalog admin, or the division is outside your jurisdiction",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "越权", value = Examples.OUT_OF_JURISDICTION)))
public class ProfileCreateResource {

    @Inject
    ProfileService service;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createProfile", summary = "Create a target profile",
            description = "A profile for a division in your jurisdiction, inheriting from `parentId` (whose division "
                    + "must contain it, e.g. 容县 450921 under 玉林 yulin-2022) and setting its own targets from "
                    + "`effectiveFrom` on. Send an `Idempotency-Key` so that a retry takes effect once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProfileRequest.class),
            examples = @ExampleObject(name = "容县", value = Examples.PROFILE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created as revision 1",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "409", description = "The id exists, or the division already has a profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull ProfileRequest request,
            @Parameter(description = "Client-chosen key; a retry with the same key takes effect once")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Jurisdiction jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        List<Target> targets = new ArrayList<>();
        List<TargetBody> bodies = request.targets() == null ? List.of() : request.targets();
        for (int i = 0; i < bodies.size(); i++) {
            if (bodies.get(i).indicatorCode() == null) {
                throw ProblemException.invalid("targets[" + i + "].indicatorCode", "required",
                        "each target of a new profile names its indicator");
            }
            targets.add(ProfileMapper.toTarget(bodies.get(i), bodies.get(i).indicatorCode(), "targets[" + i + "]"));
        }
        var draft = ProfileRules.profile(request.id(), request.divisionCode(), request.parentId(), targets);
        return idempotency.once(idempotencyKey, who + ":create-profile", request,
                () -> service.create(draft, request.effectiveFrom(), jurisdiction, who).map(h -> Response
                        .created(uri.getAbsolutePathBuilder().path(h.id()).build())
                        .tag(RequestParams.etag(h.profile().currentRevision)).entity(ProfileMapper.toView(h, h.latest()))
                        .build()));
    }
}
