package org.tcmeval.catalog.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.catalog.ProfileRevision;
import org.tcmeval.catalog.mapping.ProfileMapper;
import org.tcmeval.catalog.service.ProfileQueryService;
import org.tcmeval.support.http.RequestParams;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;

/** Target profiles (目标档案) and their revisions; every authenticated caller may read them. */
@Path("/api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Profiles", description = "Target profiles (目标档案) of jurisdictions, with effective-dated revisions")
@SecurityRequirement(name = "bearer")
public class ProfileResource {

    @Inject
    ProfileQueryService query;

    @GET
    @WithSession
    @Operation(operationId = "listProfiles", summary = "List target profiles",
            description = "Every profile, or those at and below a division, with its newest revision: the national "
                    + "baseline, 广西 (45), 玉林 (4509), 钦州 (4507), 内蒙古 (15), 北仑 (330206) and those admins created.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProfileSummary.class,
            type = SchemaType.ARRAY), examples = @ExampleObject(name = "广西", value = Examples.PROFILES)))
    @APIResponse(responseCode = "400", description = "Malformed division code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ProfileSummary>> list(
            @Parameter(description = "Only profiles at or below this division (GB/T 2260 prefix)", example = "45")
            @QueryParam("division") @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}",
                    message = "must be a 2, 4 or 6 digit GB/T 2260 code") String division) {
        return query.list(division).map(list -> list.stream().map(ProfileMapper::toSummary).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(operationId = "getProfile", summary = "Read a target profile",
            description = "The profile's own targets (not the inherited ones) in its newest revision, or in the "
                    + "revision in force in `year`. The `ETag` is the newest revision: send it as `If-Match` when "
                    + "changing the profile.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProfileView.class),
            examples = @ExampleObject(name = "内蒙古", value = Examples.PROFILE)))
    @APIResponse(responseCode = "400", description = "Year out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown profile, or not yet in force in that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@Parameter(description = "Profile id", example = "inner-mongolia") @PathParam("id") String id,
            @Parameter(description = "The revision in force in this year instead of the newest", example = "2025")
            @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return query.history(id).map(h -> {
            ProfileRevision r = year == null ? h.latest() : h.inForce(year).orElseThrow(() ->
                    ProblemException.notFound("a revision of profile " + id + " in force in " + year));
            return Response.ok(ProfileMapper.toView(h, r)).tag(RequestParams.etag(h.profile().currentRevision)).build();
        });
    }

    @GET
    @Path("/{id}/revisions")
    @WithSession
    @Operation(operationId = "listProfileRevisions", summary = "List a profile's revisions",
            description = "Every revision, oldest first, with the year it takes effect and who made it. A revision "
                    + "applies from its `effectiveFrom` until a later one takes effect.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RevisionSummary.class,
            type = SchemaType.ARRAY), examples = @ExampleObject(name = "内蒙古", value = Examples.REVISIONS)))
    @APIResponse(responseCode = "404", description = "Unknown profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<RevisionSummary>> revisions(
            @Parameter(description = "Profile id", example = "inner-mongolia") @PathParam("id") String id) {
        return query.history(id).map(h -> h.revisions().stream().map(ProfileMapper::toSummary).toList());
    }

    @GET
    @Path("/{id}/revisions/{revision}")
    @WithSession
    @Operation(operationId = "getProfileRevision", summary = "Read one revision of a profile",
            description = "The parent and own targets exactly as that revision set them.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProfileView.class),
            examples = @ExampleObject(name = "内蒙古 第1版", value = Examples.PROFILE)))
    @APIResponse(responseCode = "404", description = "Unknown profile or revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ProfileView> revision(
            @Parameter(description = "Profile id", example = "inner-mongolia") @PathParam("id") String id,
            @Parameter(description = "Revision number", example = "1") @PathParam("revision") int revision) {
        return query.history(id).map(h -> ProfileMapper.toView(h, h.revision(revision).orElseThrow(() ->
                ProblemException.notFound("revision " + revision + " of profile " + id))));
    }
}
