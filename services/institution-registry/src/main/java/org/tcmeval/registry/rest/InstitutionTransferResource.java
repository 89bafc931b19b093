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
import org.tcmeval.registry.service.InstitutionImportService;
import org.tcmeval.registry.service.InstitutionQueryService;
import org.tcmeval.support.http.RequestParams;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.ratelimit.RateLimited;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

@Path("/api/v1/institutions")
@Tag(name = "Institutions")
@SecurityRequirement(name = "bearer")
public class InstitutionTransferResource {

    static final String CSV = "text/csv";
    static final String CSV_EXAMPLE = "id,name,type,divisionCode,uscc,registrationNumber,ownership,grade,ethnicMedicine,"
            + "openedOn,closedOn\r\n"
            + ",容县中医医院,COUNTY_TCM_HOSPITAL,450921,12450921MB0000011D,,PUBLIC,GRADE_2A,,1958-03-01,\r\n"
            + ",容县杨梅镇大坡村卫生室,VILLAGE_CLINIC,450921101,,PDY00012345092117A1001,PUBLIC,,,1982-07-01,\r\n";

    @Inject
    InstitutionImportService imports;

    @Inject
    InstitutionQueryService queries;

    @Inject
    Caller caller;

    @Inject
    RegistryConfig config;

    @POST
    @Path("/import")
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.PLATFORM_INTEGRATION})
    @RateLimited
    @APIResponse(responseCode = "429", description = RateLimited.DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "importInstitutions", summary = "Import institutions from CSV",
            description = "UTF-8 CSV (a BOM is fine; the bytes must be UTF-8 whatever charset Content-Type names), at most 20 MB, header row with the API's field names: "
                    + "`name,type,divisionCode` required; `id,uscc,registrationNumber,ownership,grade,ethnicMedicine,"
                    + "openedOn,closedOn` optional (dates as 1998-06-01 or 1998/6/1). A row with an `id`, or whose USCC or "
                    + "registration number is registered, updates that institution (no If-Match: the file is the "
                    + "authority); other rows register new ones. Re-importing a file changes nothing. By default one "
                    + "bad row refuses the whole file (422 listing every fault by row); with `partial=true` the good rows "
                    + "are imported and the report lists the refused ones. Every change is published to "
                    + "`institution-changed`. The export's format imports unchanged.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "容县", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Imported; counts per outcome and, with partial=true, the refused rows",
            content = @Content(schema = @Schema(implementation = ImportReport.class),
                    examples = @ExampleObject(name = "partial", value = "{\"rows\": 3, \"created\": 2, \"updated\": 0, "
                            + "\"unchanged\": 0, \"rejected\": 1, \"errors\": [{\"row\": 4, \"field\": \"uscc\", \"rule\": "
                            + "\"uscc\", \"message\": \"uscc check character is '0' but must be '3'\"}]}")))
    @APIResponse(responseCode = "400", description = "Not UTF-8, not CSV, or a bad header (missing or unknown column)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another request registered one of the identifiers meanwhile; retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than 20 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type is not text/csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rows break rules and partial is not set; nothing was imported. "
            + "Each error names `rows[<row>].<column>`, row numbered as a spreadsheet shows it (header = 1)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "rejected", value = "{\"type\": \"/problems/"
                            + "import-rejected\", \"title\": \"Import rejected\", \"status\": 422, \"detail\": \"1 of 3 rows "
                            + "break rules (1 errors); nothing was imported. Fix them, or send partial=true to import the "
                            + "other rows\", \"errors\": [{\"field\": \"rows[4].divisionCode\", \"rule\": \"division-level\", "
                            + "\"message\": \"row 4: THC must be registered on a 9-digit township code\"}]}")))
    public Uni<ImportReport> importCsv(byte[] body,
            @Parameter(description = "Import the good rows even if some are refused", example = "false")
            @QueryParam("partial") String partial) {
        boolean partialAllowed = RequestParams.bool("partial", partial);
        UploadLimit.check(body, config.imports().maxBytes());
        return imports.importCsv(body, partialAllowed, caller.jurisdiction(), caller.subject());
    }

    @GET
    @Path("/export")
    @Produces(CSV + ";charset=UTF-8")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.INSTITUTION_REPORTER,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION, Roles.CATALOG_ADMIN})
    @Operation(operationId = "exportInstitutions", summary = "Export institutions as CSV",
            description = "Every institution under `division` (closed ones included) in the import's format, ids "
                    + "filled in, in registration order. A division above your jurisdiction exports your jurisdiction.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "容县", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed division code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> export(@Parameter(description = "Division code prefix; default: your jurisdiction",
            example = "450921") @QueryParam("division") String division) {
        String prefix = RequestParams.divisionPrefix("division", division);
        return queries.exportCsv(prefix, caller.jurisdiction()).map(csv -> Response.ok(csv)
                .header("Content-Disposition", "attachment; filename=\"institutions-"
                        + (prefix == null ? "all" : prefix) + ".csv\"").build());
    }
}
