package org.tcmeval.catalog.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.tcmeval.catalog.TechniqueRules.ClassDraft;
import org.tcmeval.catalog.TechniqueRules.ItemDraft;
import org.tcmeval.catalog.mapping.TechniqueMapper;
import org.tcmeval.catalog.service.TechniqueService;
import org.tcmeval.support.http.RequestParams;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.ProblemType;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.security.Roles;

/** Catalog admins maintain the technique catalogue; each change is a revision published to {@code technique-changed}. */
@Path("/api/v1/techniques")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Techniques")
@SecurityRequirement(name = "bearer")
public class TechniqueChangeResource {

    @Inject
    TechniqueService service;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @PUT
    @Path("/{classCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Operation(operationId = "createOrReplaceTechniqueClass",
            summary = "Create or replace a technique class of the national list",
            description = "Sends the class with the full list of its current items, in order. Items left out are "
                    + "retired, never deleted (reports cite their codes); an item code belongs to one class for good. "
                    + "Changing an existing class needs `If-Match` with its ETag. Each change is a new revision, "
                    + "published to the compacted topic `technique-changed`; sending the same content again changes "
                    + "nothing. An item says where it comes from (`source`); an item without a source document "
                    + "is `provisional` (the default for a new item). Provinces replace their own list by CSV upload "
                    + "instead (`POST /api/v1/techniques/lists/{province}/import`).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TechniqueClassRequest.class),
            examples = @ExampleObject(name = "推拿类", value = Examples.TECHNIQUE_REQUEST)))
    @APIResponse(responseCode = "200", description = "Changed (or already so); `ETag` is the revision",
            content = @Content(schema = @Schema(implementation = TechniqueClassView.class),
                    examples = @ExampleObject(name = "针刺类", value = Examples.TECHNIQUE_CLASS)))
    @APIResponse(responseCode = "201", description = "Created as revision 1",
            content = @Content(schema = @Schema(implementation = TechniqueClassView.class)))
    @APIResponse(responseCode = "400", description = "A code is malformed, listed twice or belongs to another class",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The class changed since you read it, or does not exist yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing for an existing class",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(
            @Parameter(description = "Class code (UPPER_SNAKE_CASE)", example = "TUINA") @PathParam("classCode")
            String classCode,
            @Valid @NotNull TechniqueClassRequest request,
            @Parameter(description = "ETag from GET; required to change an existing class", example = "\"1\"")
            @HeaderParam("If-Match") String ifMatch) {
        requireNationalCatalogAdmin(caller.jurisdiction());
        Integer expected = RequestParams.optionalIfMatch(ifMatch);
        String who = caller.subject();
        ClassDraft draft = new ClassDraft(request.nameZh(), request.nameEn(), request.sortOrder(), request.items()
                .stream().map(i -> new ItemDraft(i.code(), i.nameZh(), i.nameEn(), i.provisional(), i.source())).toList());
        return Panache.withTransaction(() -> service.put(classCode, draft, expected, who)).map(outcome -> {
            Response.ResponseBuilder response = outcome.created()
                    ? Response.created(uri.getAbsolutePath()) : Response.ok();
            return response.entity(TechniqueMapper.toView(outcome.technique()))
                    .tag(RequestParams.etag(outcome.technique().revision())).build();
        });
    }

    /**
     * The national list is every province's baseline: a province's catalog admin changes only their own
     * province's list (CSV import) and profiles, never the classes and items all provinces share.
     */
    static void requireNationalCatalogAdmin(Jurisdiction jurisdiction) {
        if (!jurisdiction.national()) {
            String message = "the national technique list is edited by the national catalog admin (division "
                    + Jurisdiction.NATIONAL + "); your jurisdiction is " + jurisdiction.divisionCode()
                    + ": replace your province's list with POST /api/v1/techniques/lists/{province}/import";
            throw new ProblemException(ProblemType.FORBIDDEN, message,
                    List.of(new Problem.FieldError("classCode", "national-catalogue", message)));
        }
    }
}
