package org.tcmeval.catalog.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.catalog.ProfileHistory;
import org.tcmeval.catalog.mapping.ProfileMapper;
import org.tcmeval.catalog.service.ProfileService;
import org.tcmeval.support.http.RequestParams;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.security.Roles;
import org.tcmeval.targets.Target;

/**
 * Catalog admins (`catalog-admin`) change profiles within their own division's subtree. Every
 * change is a new revision in force from {@code effectiveFrom}, published with the profile's full
 * history to {@code catalog-changed}.
 */
@Path("/api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profiles")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.CATALOG_ADMIN)
@APIResponse(responseCode = "400", description = "A field breaks a rule; `errors` names the field and the rule",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = {@ExampleObject(name = "130%", value = Examples.BAD_THRESHOLD),
                    @ExampleObject(name = "循环继承", value = Examples.CYCLE),
                    @ExampleObject(name = "早于现行版本", value = Examples.TOO_EARLY)}))
@APIResponse(responseCode = "403", description = "Not a catalog admin, or the division is outside your jurisdiction",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "越权", value = Examples.OUT_OF_JURISDICTION)))
public class ProfileChangeResource {

    private static final String YEAR = "First year the change is in force; earlier years keep their targets";

    @Inject
    ProfileService service;

    @Inject
    Caller caller;

    @PUT
    @Path("/{id}/targets/{indicatorCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setProfileTarget", summary = "Set a profile's target for an indicator",
            description = "Overrides the inherited target or adds one the parent does not set (内蒙古: TCM GPs "
                    + "0.8 per 10,000 instead of the 0.4-0.7 others inherit). The new revision is in force from "
                    + "`effectiveFrom`; earlier years are still judged by the revision in force then. The value is "
                    + "checked against the indicator's unit (a rate lies in 0-100) and BETWEEN needs lower <= upper.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TargetBody.class),
            examples = {@ExampleObject(name = "内蒙古 全科医生", value = Examples.TARGET_DENSITY),
                @ExampleObject(name = "玉林 第18项", value = Examples.TARGET_CONDITION),
                @ExampleObject(name = "钦州 约束性", value = Examples.TARGET_BASELINE)}))
    @APIResponse(responseCode = "200", description = "The newest revision; unchanged when the target was already so",
            content = @Content(schema = @Schema(implementation = ProfileView.class),
                    examples = @ExampleObject(name = "内蒙古", value = Examples.PROFILE)))
    @APIResponse(responseCode = "404", description = "Unknown profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "`If-Match` is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "`If-Match` is not the newest revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> setTarget(@Parameter(description = "Profile id", example = "inner-mongolia") @PathParam("id")
            String id,
            @Parameter(description = "Indicator code", example = "TCM_GP_DENSITY") @PathParam("indicatorCode")
            String indicatorCode,
            @Parameter(description = YEAR, example = "2026") @QueryParam("effectiveFrom") @NotNull @Min(2000) @Max(2100)
            Integer effectiveFrom,
            @Valid @NotNull TargetBody body,
            @Parameter(description = "The ETag from GET (required: 428 without it); 412 if the profile changed since", required = true, example = "\"1\"")
            @HeaderParam("If-Match") String ifMatch) {
        if (body.indicatorCode() != null && !body.indicatorCode().equals(indicatorCode)) {
            throw ProblemException.invalid("indicatorCode", "matches-path", "the body names " + body.indicatorCode()
                    + " but the path " + indicatorCode);
        }
        Target target = ProfileMapper.toTarget(body, indicatorCode, "");
        Integer expected = RequestParams.ifMatchInt(ifMatch);
        Jurisdiction jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        return change(() -> service.setTarget(id, target, effectiveFrom, expected, jurisdiction, who));
    }

    @DELETE
    @Path("/{id}/targets/{indicatorCode}")
    @Operation(operationId = "deleteProfileTarget", summary = "Remove a profile's own target",
            description = "From `effectiveFrom` on, the division inherits the parent's target for the indicator again "
                    + "(or has none if no ancestor sets one).")
    @APIResponse(responseCode = "200", description = "The new revision",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "404", description = "Unknown profile, or it sets no target for the indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "`If-Match` is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "`If-Match` is not the newest revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> removeTarget(@Parameter(description = "Profile id", example = "yulin-2022") @PathParam("id")
            String id,
            @Parameter(description = "Indicator code", example = "TCM_LED_MEDICAL_COMMUNITY_COVERAGE")
            @PathParam("indicatorCode") String indicatorCode,
            @Parameter(description = YEAR, example = "2026") @QueryParam("effectiveFrom") @NotNull @Min(2000) @Max(2100)
            Integer effectiveFrom,
            @Parameter(description = "The ETag from GET (required: 428 without it); 412 if the profile changed since", required = true, example = "\"1\"") @HeaderParam("If-Match") String ifMatch) {
        Integer expected = RequestParams.ifMatchInt(ifMatch);
        Jurisdiction jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        return change(() -> service.removeTarget(id, indicatorCode, effectiveFrom, expected, jurisdiction, who));
    }

    @PUT
    @Path("/{id}/parent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setProfileParent", summary = "Change the profile a profile inherits from",
            description = "From `effectiveFrom` on. The new parent's division must contain the profile's, it must be "
                    + "in force by then, and the chain may not loop back to the profile.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ParentRequest.class),
            examples = @ExampleObject(name = "改为继承广西", value = "{\"parentId\": \"guangxi-2022\"}")))
    @APIResponse(responseCode = "200", description = "The new revision",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "404", description = "Unknown profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "`If-Match` is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "`If-Match` is not the newest revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> setParent(@Parameter(description = "Profile id", example = "yulin-2022") @PathParam("id")
            String id,
            @Parameter(description = YEAR, example = "2026") @QueryParam("effectiveFrom") @NotNull @Min(2000) @Max(2100)
            Integer effectiveFrom,
            @Valid @NotNull ParentRequest body,
            @Parameter(description = "The ETag from GET (required: 428 without it); 412 if the profile changed since", required = true, example = "\"1\"") @HeaderParam("If-Match") String ifMatch) {
        Integer expected = RequestParams.ifMatchInt(ifMatch);
        Jurisdiction jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        return change(() -> service.setParent(id, body.parentId(), effectiveFrom, expected, jurisdiction, who));
    }

    private Uni<Response> change(Supplier<Uni<ProfileHistory>> action) {
        return Panache.withTransaction(action).map(h -> Response.ok(ProfileMapper.toView(h, h.latest()))
                .tag(RequestParams.etag(h.profile().currentRevision)).build());
    }
}
