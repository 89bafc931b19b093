package org.tcmeval.catalog.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tcmeval.catalog.config.CatalogConfig;
import org.tcmeval.catalog.service.TechniqueService;
import org.tcmeval.support.idempotency.Idempotency;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.ProblemType;
import org.tcmeval.support.problem.Rules;
import org.tcmeval.support.ratelimit.RateLimited;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.security.Roles;

/** A province admin replaces the province's official technique list (中医药适宜技术推广目录) by CSV upload. */
@Path("/api/v1/techniques/lists")
@Tag(name = "Techniques")
@SecurityRequirement(name = "bearer")
public class TechniqueListResource {

    static final String CSV = "text/csv";

    @Inject
    TechniqueService service;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Inject
    CatalogConfig config;

    /** What an Idempotency-Key is bound to: the province, the source and the file's bytes. */
    record Fingerprint(String province, String source, String sha256) {
    }

    @GET
    @WithSession
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listTechniqueLists", summary = "List the technique lists",
            description = "The scopes that have a technique list: 00 (national) and every province that uploaded its "
                    + "official list. Read one with `GET /api/v1/techniques?scope=45`.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = String.class), examples = @ExampleObject(name = "广西", value = "[\"00\", \"45\"]")))
    public Uni<List<String>> lists() {
        return service.scopes();
    }

    @POST
    @Path("/{province}/import")
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CATALOG_ADMIN})
    @RateLimited
    @APIResponse(responseCode = "429", description = RateLimited.DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "importTechniqueList", summary = "Upload a province's official technique list (CSV)",
            description = "Replaces the province's own technique list, which then is the list in force for reports of "
                    + "its divisions instead of the national list. UTF-8 CSV (a BOM is fine), one row per item, header "
                    + "row `classCode,classNameZh,itemCode,itemNameZh` required and `classNameEn,itemNameEn` optional; "
                    + "codes UPPER_SNAKE_CASE starting with a letter (lower case is upper-cased). Classes keep the order "
                    + "they first appear in, items the file's order. Every item is from `source`, so none is "
                    + "provisional. All or nothing: one bad row refuses the file with every fault listed by row. Items "
                    + "the list held that the file leaves out are retired, never deleted; an item code never moves to "
                    + "another class. Re-uploading the same file changes nothing. Each changed class is a new revision "
                    + "published to `technique-changed` (key `<province>:<classCode>`). Send an `Idempotency-Key` so "
                    + "that a retry takes effect once. Province admins and catalog admins whose jurisdiction is the "
                    + "province (or above) may upload.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "广西", value = Examples.TECHNIQUE_CSV)))
    @APIResponse(responseCode = "200", description = "Stored (or already so)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TechniqueImportReport.class),
                    examples = @ExampleObject(name = "广西", value = Examples.TECHNIQUE_IMPORT)))
    @APIResponse(responseCode = "400", description = "Malformed province or source, not UTF-8, not CSV, a bad header, "
            + "no rows or too many",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a province or catalog admin, or the province is outside "
            + "your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than the upload limit (1 MB by default)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type is not text/csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rows break rules, nothing was stored; each error names "
            + "`rows[<row>].<column>`, row numbered as a spreadsheet shows it (header = 1). Or the Idempotency-Key "
            + "was used for another upload",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "重复", value = Examples.TECHNIQUE_IMPORT_REJECTED)))
    public Uni<Response> importCsv(
            @Parameter(description = "The province's 2-digit GB/T 2260 code", example = "45") @PathParam("province")
            String province,
            @Parameter(description = "The official document the list comes from", required = true,
                    example = "广西壮族自治区基层中医药适宜技术推广目录（2024年版）") @QueryParam("source") String source,
            @Parameter(description = "Client-chosen key; a retry with the same key takes effect once")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            byte[] body) {
        requireProvince(province, caller.jurisdiction());
        String document = source == null ? "" : source.strip();
        if (document.isEmpty() || document.length() > 500) {
            throw ProblemException.invalid("source", document.isEmpty() ? Rules.REQUIRED : Rules.LENGTH,
                    "source names the official document the list comes from (at most 500 characters)");
        }
        check(body, config.techniques().maxUploadBytes());
        String who = caller.subject();
        return idempotency.once(idempotencyKey, who + ":import-technique-list", new Fingerprint(province, document,
                sha256(body)), () -> service.importList(province, body, document, who).map(o -> Response.ok(
                        new TechniqueImportReport(o.scope(), o.rows(), o.classes(), o.items(), o.changedClasses(),
                                o.unchangedClasses(), o.retiredItems()), MediaType.APPLICATION_JSON_TYPE).build()));
    }

    /** 400 for a code that is not a province; 403 naming it when it lies outside the caller's jurisdiction. */
    static void requireProvince(String province, Jurisdiction jurisdiction) {
        if (province == null || !province.matches("\\d{2}") || province.equals("00")) {
            throw ProblemException.invalid("province", "province-code", "province must be a 2-digit GB/T 2260 "
                    + "province code such as 45; the national list (00) is maintained class by class by the national catalog admin");
        }
        if (!jurisdiction.covers(province)) {
            String message = "province " + province + " is outside your jurisdiction " + jurisdiction.divisionCode()
                    + "; a province admin uploads the list of their own province";
            throw new ProblemException(ProblemType.FORBIDDEN, message,
                    List.of(new FieldError("province", "within-jurisdiction", message)));
        }
    }

    static void check(byte[] body, long max) {
        if (body != null && body.length > max) {
            throw tooLarge(max);
        }
    }

    static ProblemException tooLarge(long max) {
        return ProblemException.payloadTooLarge("the file is larger than " + max + " bytes; a technique list of a "
                + "few hundred items is some 30 KB");
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0]
                    : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Refuses an oversized upload by its Content-Length before its bytes are buffered; a body sent
     * without a length is measured once read ({@link #check}).
     */
    public static class UploadLimit {

        // Filters are built while Quarkus starts, before runtime configuration exists: look it up per request.
        @Inject
        Provider<CatalogConfig> config;

        @ServerRequestFilter(preMatching = true)
        public void byContentLength(ContainerRequestContext request) {
            String path = request.getUriInfo().getPath();
            if (!"POST".equals(request.getMethod()) || !path.contains("/techniques/lists/") || !path.endsWith("/import")) {
                return;
            }
            String length = request.getHeaderString("Content-Length");
            long max = config.get().techniques().maxUploadBytes();
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > max) {
                throw tooLarge(max);
            }
        }
    }
}
