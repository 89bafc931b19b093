package org.tcmeval.catalog.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.tcmeval.support.problem.Problem;

/** The technique catalogue (中医药适宜技术目录): classes and items with the stable codes reports cite. */
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
    @Operation(summary = "List technique classes with their items",
            description = "The whole catalogue in its order: ten classes (针刺类 ... 其他类) and their items. Retired "
                    + "items are listed after the current ones with `retired: true`; their codes stay valid in reports.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TechniqueClassView.class,
            type = SchemaType.ARRAY), examples = @ExampleObject(name = "针刺类", value = "[" + Examples.TECHNIQUE_CLASS + "]")))
    public Uni<List<TechniqueClassView>> list() {
        return service.list().map(list -> list.stream().map(TechniqueMapper::toView).toList());
    }

    @GET
    @Path("/{classCode}")
    @WithSession
    @Operation(summary = "Read a technique class",
            description = "The class as it is now, with all its items. The `ETag` is its revision; send it back as "
                    + "`If-Match` to change the class.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TechniqueClassView.class),
            examples = @ExampleObject(name = "针刺类", value = Examples.TECHNIQUE_CLASS)))
    @APIResponse(responseCode = "404", description = "Unknown class code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@Parameter(description = "Class code", example = "ACUPUNCTURE")
            @PathParam("classCode") String classCode) {
        return service.get(classCode).map(c -> Response.ok(TechniqueMapper.toView(c)).tag(Params.etag(c.revision()))
                .build());
    }

    @GET
    @Path("/{classCode}/revisions/{revision}")
    @WithSession
    @Operation(summary = "Read an earlier revision of a technique class",
            description = "The class exactly as that revision published it, e.g. to read a report against the "
                    + "catalogue of its year.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TechniqueClassView.class),
            examples = @ExampleObject(name = "针刺类 第1版", value = Examples.TECHNIQUE_CLASS)))
    @APIResponse(responseCode = "404", description = "Unknown class or revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TechniqueClassView> revision(
            @Parameter(description = "Class code", example = "ACUPUNCTURE") @PathParam("classCode") String classCode,
            @Parameter(description = "Revision number", example = "1") @PathParam("revision") int revision) {
        return service.revision(classCode, revision).map(TechniqueMapper::toView);
    }

    @GET
    @Path("/items/{itemCode}")
    @WithSession
    @Operation(summary = "Look up a technique item",
            description = "Resolves an item code a report cites to its class, retired items included: counting "
                    + "distinct classes needs exactly this.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TechniqueItemView.class),
            examples = @ExampleObject(name = "浮针", value = Examples.TECHNIQUE_ITEM)))
    @APIResponse(responseCode = "404", description = "Unknown item code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TechniqueItemView> item(@Parameter(description = "Item code", example = "ACUPUNCTURE_FU")
            @PathParam("itemCode") String itemCode) {
        return service.item(itemCode).map(TechniqueMapper::toView);
    }
}
