package org.tcmeval.catalog.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
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
import org.tcmeval.catalog.mapping.TechniqueMapper;
import org.tcmeval.catalog.service.TechniqueService;
import org.tcmeval.support.http.RequestParams;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;

/**
 * The technique catalogue (中医药适宜技术目录): the national list and provinces' official lists, classes
 * and items with the stable codes reports cite.
 */
@Path("/api/v1/techniques")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Techniques", description = "TCM appropriate techniques (中医药适宜技术): classes (类) and items (项)")
@SecurityRequirement(name = "bearer")
public class TechniqueResource {

    @Inject
    TechniqueService service;

    @GET
    @WithSession
    @Operation(operationId = "listTechniqueClasses", summary = "List technique classes with their items",
            description = "One technique list in its order: by default the national list (scope 00: ten classes "
                    + "针刺类 ... 其他类); `scope=45` a province's official list; `division=450921` the list in force "
                    + "there (its province's list when the province uploaded one, else the national list). Retired "
                    + "items are listed after the current ones with `retired: true`. Each item says whether a source "
                    + "document gives it (`provisional: false`, `source` names it) or not.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TechniqueClassView.class,
            type = SchemaType.ARRAY), examples = @ExampleObject(name = "针刺类", value = "[" + Examples.TECHNIQUE_CLASS + "]")))
    @APIResponse(responseCode = "400", description = "Malformed scope or division, or both given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<TechniqueClassView>> list(
            @Parameter(description = "00 (national, default) or a province's 2-digit code", example = "00")
            @QueryParam("scope") String scope,
            @Parameter(description = "A division code; answers the list in force there", example = "450921")
            @QueryParam("division") String division) {
        Uni<String> resolved;
        if (division != null && !division.isBlank()) {
            if (scope != null && !scope.isBlank()) {
                throw ProblemException.invalid("division", "one-of-scope-or-division", "send scope or division, not both");
            }
            if (!division.strip().matches("\\d{2,12}")) {
                throw ProblemException.invalid("division", "division-code", "division must be a GB/T 2260 code such "
                        + "as 450921, not '" + division + "'");
            }
            String province = division.strip().substring(0, 2);
            resolved = service.scopes().map(scopes -> scopes.contains(province) ? province : "00");
        } else {
            resolved = Uni.createFrom().item(scope(scope));
        }
        return resolved.flatMap(service::list).map(list -> list.stream().map(TechniqueMapper::toView).toList());
    }

    @GET
    @Path("/{classCode}")
    @WithSession
    @Operation(operationId = "getTechniqueClass", summary = "Read a technique class",
            description = "The class as it is now, with all its items. The `ETag` is its revision; send it back as "
                    + "`If-Match` to change the class.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TechniqueClassView.class),
            examples = @ExampleObject(name = "针刺类", value = Examples.TECHNIQUE_CLASS)))
    @APIResponse(responseCode = "404", description = "Unknown class code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@Parameter(description = "Class code", example = "ACUPUNCTURE")
            @PathParam("classCode") String classCode,
            @Parameter(description = "00 (national, default) or a province's 2-digit code", example = "00")
            @QueryParam("scope") String scope) {
        return service.get(scope(scope), classCode).map(c -> Response.ok(TechniqueMapper.toView(c)).tag(RequestParams.etag(c.revision()))
                .build());
    }

    @GET
    @Path("/{classCode}/revisions/{revision}")
    @WithSession
    @Operation(operationId = "getTechniqueClassRevision", summary = "Read an earlier revision of a technique class",
            description = "The class exactly as that revision published it, e.g. to read a report against the "
                    + "catalogue of its year.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TechniqueClassView.class),
            examples = @ExampleObject(name = "针刺类 第1版", value = Examples.TECHNIQUE_CLASS)))
    @APIResponse(responseCode = "404", description = "Unknown class or revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TechniqueClassView> revision(
            @Parameter(description = "Class code", example = "ACUPUNCTURE") @PathParam("classCode") String classCode,
            @Parameter(description = "Revision number", example = "1") @PathParam("revision") int revision,
            @Parameter(description = "00 (national, default) or a province's 2-digit code", example = "00")
            @QueryParam("scope") String scope) {
        return service.revision(scope(scope), classCode, revision).map(TechniqueMapper::toView);
    }

    @GET
    @Path("/items/{itemCode}")
    @WithSession
    @Operation(operationId = "getTechniqueItem", summary = "Look up a technique item",
            description = "Resolves an item code a report cites to its class, retired items included: counting "
                    + "distinct classes needs exactly this.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TechniqueItemView.class),
            examples = @ExampleObject(name = "浮针", value = Examples.TECHNIQUE_ITEM)))
    @APIResponse(responseCode = "404", description = "Unknown item code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TechniqueItemView> item(@Parameter(description = "Item code", example = "ACUPUNCTURE_FU")
            @PathParam("itemCode") String itemCode,
            @Parameter(description = "00 (national, default) or a province's 2-digit code", example = "00")
            @QueryParam("scope") String scope) {
        return service.item(scope(scope), itemCode).map(TechniqueMapper::toView);
    }

    /**
     * A technique list's scope: {@code 00} (national, the default) or a province's 2-digit code; with
     * {@code division} instead, the scope is resolved by the caller (the list in force there).
     */
    static String scope(String value) {
        if (value == null || value.isBlank()) {
            return "00";
        }
        String s = value.strip();
        if (!s.matches("\\d{2}")) {
            throw ProblemException.invalid("scope", "scope-code", "scope must be 00 (the national list) or a "
                    + "2-digit province code such as 45, not '" + value + "'");
        }
        return s;
    }
}
