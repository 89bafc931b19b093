package org.tcmeval.evaluation.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.evaluation.service.DrillDownService;
import org.tcmeval.evaluation.service.GapService;
import org.tcmeval.support.paging.PageLinks;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

/** Below a scorecard cell: one indicator one level down, and the units that fall short on it. */
@Path("/api/v1/scorecards/{division}/indicators/{indicatorCode}")
@Produces({MediaType.APPLICATION_JSON, DrillCsv.MEDIA_TYPE})
@Tag(name = "Scorecards")
@SecurityRequirement(name = "bearer")
public class DrillDownResource {

    @Inject
    DrillDownService drillDown;

    @Inject
    GapService gapService;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Path("/children")
    @RolesAllowed({Roles.DASHBOARD_READER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "listChildResults", summary = "One indicator broken down one level",
            description = "A province's cities or a city's counties with their stored results for the indicator, or a"
                    + " county's institutions of the indicator's types with what each adds to the county's sums (and, for"
                    + " compliance rates, whether it meets the per-unit rule). Institutions come in pages of `limit`"
                    + " (keyset on the id); cities and counties in one page. A child with no stored result shows"
                    + " NOT_COMPUTED (reason NOT_STORED). `Accept: text/csv` answers the page as UTF-8 CSV with a BOM.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChildrenView.class)),
            @Content(mediaType = DrillCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Malformed division code, year, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Division outside your jurisdiction, or unknown indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> children(
            @Parameter(description = "Province (2), city (4) or county (6 digits) GB/T 2260 code", example = "4503")
            @PathParam("division") @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}",
                    message = "must be a 2, 4 or 6 digit GB/T 2260 code") String division,
            @Parameter(description = "Indicator code", example = "CHSC_THC_TECHNIQUE_CAPACITY")
            @PathParam("indicatorCode") String indicatorCode,
            @Parameter(description = "Reporting year", example = "2024")
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size of a county's institutions, 1-500", example = "100")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
            @HeaderParam("Accept") String accept) {
        return drillDown.children(division, indicatorCode, year, cursorOf(cursor), limit, caller.jurisdiction())
                .map(v -> TrendResource.csv(accept) ? csv(DrillCsv.children(v), v.nextCursor()) : json(v));
    }

    @GET
    @Path("/gaps")
    @RolesAllowed({Roles.DASHBOARD_READER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "listGaps", summary = "Units that fall short on an indicator, and why",
            description = "The institutions (or counties, for county-reported indicators) of the division that fail the"
                    + " per-unit rule of a compliance rate, or whose own ratio is below the division's AT_LEAST target"
                    + " for an aggregate ratio; each with the rule parts missed as data (required, actual, shortfall)"
                    + " and as a Chinese and an English sentence. Largest shortfall (`distance`) first, ties by unit id,"
                    + " in pages of `limit` (keyset on that order; `total` counts every page). For a compliance rate"
                    + " also the fewest further units meeting the rule that reach the target. From the stored"
                    + " contributions and counted report figures; nothing is recomputed. `Accept: text/csv` answers the"
                    + " page as UTF-8 CSV with a BOM, with the same Link header.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GapListView.class),
                    examples = @ExampleObject(name = "firstPage", summary = "桂林市 (4503), limit=1: the first of two gaps",
                            value = GAPS_EXAMPLE)),
            @Content(mediaType = DrillCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING), examples =
                    @ExampleObject(name = "firstPage", summary = "The same page as CSV (after the UTF-8 BOM)", value = GAPS_CSV))})
    @APIResponse(responseCode = "400", description = "Malformed division code, year, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Division outside your jurisdiction, or unknown indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Gaps are not listed for the indicator's shape (rule"
            + " gaps-not-available-for-shape: counts, densities, direct values, jurisdiction figures), or an aggregate"
            + " ratio has no AT_LEAST target in force for the division (rule gaps-need-an-at-least-target)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> gaps(
            @Parameter(description = "Province (2), city (4) or county (6 digits) GB/T 2260 code", example = "4503")
            @PathParam("division") @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}",
                    message = "must be a 2, 4 or 6 digit GB/T 2260 code") String division,
            @Parameter(description = "Indicator code", example = "CHSC_THC_TECHNIQUE_CAPACITY")
            @PathParam("indicatorCode") String indicatorCode,
            @Parameter(description = "Reporting year", example = "2024")
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1-1000", example = "100")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @HeaderParam("Accept") String accept) {
        return gapService.gaps(division, indicatorCode, year, cursorOf(cursor), limit, caller.jurisdiction())
                .map(v -> TrendResource.csv(accept) ? csv(DrillCsv.gaps(v), v.nextCursor()) : json(v));
    }

    private static String cursorOf(String cursor) {
        return cursor == null || cursor.isBlank() ? null : cursor.strip();
    }

    /** A page as CSV: the Link header is set here, as PageLinks only sees CursorPage entities. */
    private Response csv(String body, String nextCursor) {
        return Response.ok(body).type(DrillCsv.MEDIA_TYPE + ";charset=UTF-8")
                .header(HttpHeaders.LINK, PageLinks.next(uri, nextCursor)).build();
    }

    private static Response json(Object body) {
        return Response.ok(body).type(MediaType.APPLICATION_JSON).build();
    }

    static final String GAPS_EXAMPLE = """
            {"divisionCode":"4503","indicatorCode":"CHSC_THC_TECHNIQUE_CAPACITY","year":2024,\
            "shape":"COMPLIANCE_RATE","unitKind":"INSTITUTION","status":"NOT_MET","value":50,"numerator":2,\
            "denominator":4,"comparator":"AT_LEAST","threshold":100,"profileId":"guangxi-2022","unitsToClose":2,\
            "closingZh":"再有 2 家达标即可达到目标 ≥ 100%","closingEn":"2 more units meeting the rule reach the target (>= 100%)",\
            "total":2,"items":[{"unitId":"9c41d2e7-5b0a-4f3e-8d21-7a6b3c9e0f12","name":"阳朔县福利镇卫生院",\
            "institutionType":"THC","countyCode":"450321","shortfalls":[{"field":"techniqueClasses",\
            "rule":"techniqueClasses >= 6","required":6,"actual":3,"shortfall":3}],"distance":3,\
            "reasonZh":"3 类 12 项：还差 3 类","reasonEn":"needs 3 more classes"}],\
            "nextCursor":"ZzF8M3w5YzQxZDJlNy01YjBhLTRmM2UtOGQyMS03YTZiM2M5ZTBmMTJ8ZDgyNTAxNzI1ZjQ0"}""";

    static final String GAPS_CSV = "unitId,name,institutionType,countyCode,distance,reasonZh,reasonEn,shortfalls,"
            + "population,populationSource\r\n"
            + "9c41d2e7-5b0a-4f3e-8d21-7a6b3c9e0f12,阳朔县福利镇卫生院,THC,450321,3,3 类 12 项：还差 3 类,"
            + "needs 3 more classes,\"techniqueClasses >= 6 (actual 3, short 3)\",,\r\n";
}
