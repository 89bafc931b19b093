package org.tcmeval.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.tcmeval.registry.config.RegistryConfig;
import org.tcmeval.registry.mapping.DivisionCsv;
import org.tcmeval.registry.mapping.DivisionMapper;
import org.tcmeval.registry.service.DivisionTransferService;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.ratelimit.RateLimited;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

@Path("/api/v1/divisions")
@Tag(name = "Divisions")
@SecurityRequirement(name = "bearer")
public class DivisionTransferResource {

    static final String CSV = "text/csv";
    static final String CSV_EXAMPLE = "code,parentCode,level,name,levelLabel,population.2024\r\n"
            + "4509,45,CITY,玉林市,地级市,5800000\r\n"
            + "450921,4509,COUNTY,容县,县,651000\r\n"
            + "450921100,450921,TOWNSHIP,容州镇,镇,98000\r\n";

    @Inject
    DivisionTransferService service;

    @Inject
    Caller caller;

    @Inject
    RegistryConfig config;

    @POST
    @Path("/import")
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.NATIONAL_ADMIN})
    @RateLimited
    @APIResponse(responseCode = "429", description = RateLimited.DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "importDivisions", summary = "Import a division tree from CSV",
            description = "UTF-8 CSV (a BOM is fine; the bytes must be UTF-8 whatever charset Content-Type names) with a header row: `code,name` required; `parentCode`, `level` "
                    + "(checked against the code), `levelLabel` and `population.<year>` columns optional. A column left "
                    + "out is left as stored. Rows may come in any order; a parent must be in the file or registered. "
                    + "All or nothing: one bad row refuses the file with every fault listed by row. Idempotent: "
                    + "re-importing the same file changes nothing. The export's format imports unchanged.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "玉林", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Imported; counts per outcome",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Not UTF-8, not CSV, or a bad header (missing or unknown column)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "gbk", value = "{\"type\": \"/problems/validation\","
                            + " \"title\": \"Request is invalid\", \"status\": 400, \"detail\": \"the file is not UTF-8: byte "
                            + "40 (line 2) is not valid UTF-8; save it as \\\"CSV UTF-8\\\" (GBK/GB18030 files are not "
                            + "accepted)\", \"errors\": [{\"field\": \"body\", \"rule\": \"utf-8\", \"message\": \"...\"}]}")))
    @APIResponse(responseCode = "413", description = "Larger than 20 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type is not text/csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rows break rules; nothing was imported. Each error names "
            + "`rows[<row>].<column>`, row numbered as a spreadsheet shows it (header = 1)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "orphan", value = "{\"type\": \"/problems/"
                            + "import-rejected\", \"title\": \"Import rejected\", \"status\": 422, \"detail\": \"1 of 3 rows "
                            + "break rules (1 errors); nothing was imported\", \"errors\": [{\"field\": \"rows[4].code\", "
                            + "\"rule\": \"parent-exists\", \"message\": \"row 4: the parent 450922 of 450922100 is neither "
                            + "in this file nor registered\"}]}")))
    public Uni<ImportReport> importCsv(byte[] body) {
        UploadLimit.check(body, config.imports().maxBytes());
        return service.importCsv(body, caller.jurisdiction(), caller.subject());
    }

    @GET
    @Path("/export")
    @Produces({CSV + ";charset=UTF-8", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.INSTITUTION_REPORTER,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION, Roles.CATALOG_ADMIN})
    @Operation(operationId = "exportDivisions", summary = "Export a division tree",
            description = "`root` and everything below it, parents first, as CSV (`Accept: text/csv`, the import's "
                    + "format) or JSON (`Accept: application/json`, a flat list of divisions).")
    @APIResponse(responseCode = "200", content = {
        @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "玉林", value = CSV_EXAMPLE)),
        @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = DivisionView.class, type = SchemaType.ARRAY))})
    @APIResponse(responseCode = "400", description = "Malformed root code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Accept is neither text/csv nor application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> export(@Parameter(description = "Top of the exported tree; default: your own division",
            example = "45") @QueryParam("root") String root, @Context HttpHeaders headers) {
        boolean json = prefersJson(headers);
        return service.subtree(blankToNull(root), caller.jurisdiction()).map(list -> json
                ? Response.ok(list.stream().map(DivisionMapper::toView).toList(), MediaType.APPLICATION_JSON_TYPE).build()
                : Response.ok(DivisionCsv.write(list.stream().map(DivisionMapper::toLine).toList()), CSV + ";charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"divisions-" + list.get(0).code + ".csv\"")
                        .build());
    }

    /** CSV unless the client ranks JSON higher; curl's and browsers' wildcards get the spreadsheet. */
    static boolean prefersJson(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isCompatible(MediaType.valueOf(CSV)) && !m.isWildcardType()) {
                return false;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType()) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
