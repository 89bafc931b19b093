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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.evaluation.service.DrillDownService;
import org.tcmeval.evaluation.service.GapService;
import org.tcmeval.evaluation.service.ScorecardService;
import org.tcmeval.support.paging.PageLinks;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

@Path("/api/v1/scorecards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecards", description = "Indicator results of a county, city or province (评价结果)")
@SecurityRequirement(name = "bearer")
public class ScorecardResource {

    @Inject
    ScorecardService service;

    @Inject
    DrillDownService drillDown;

    @Inject
    GapService gapService;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Path("/{division}")
    @RolesAllowed({Roles.DASHBOARD_READER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "getScorecard", summary = "Scorecard of a division for a year",
            description = "Every indicator rolled up over the institutions of the division (sums of numerators and "
                    + "denominators, never averages of rates) and judged against the target in force there, with the "
                    + "profile the target comes from. Results follow each report within seconds. With `profile`, the "
                    + "same figures judged against another profile covering the division (a province judging a city's "
                    + "counties against the provincial plan), computed on reading.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ScorecardView.class)))
    @APIResponse(responseCode = "400", description = "Malformed division code or year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The chosen profile is not in force in the year"
            + " (rule known-profile) or does not cover the division (rule covers-division)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Division outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ScorecardView> scorecard(
            @Parameter(description = "Province (2), city (4) or county (6 digits) GB/T 2260 code", example = "450902")
            @PathParam("division") @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}",
                    message = "must be a 2, 4 or 6 digit GB/T 2260 code") String division,
            @Parameter(description = "Reporting year", example = "2024")
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "Judge against this target profile (and those it inherits from) instead of the one"
                    + " in force for the division; it must be in force in the year and its division must include this"
                    + " one (422 otherwise). Computed on reading from the stored report figures; nothing is stored or"
                    + " published.", example = "guangxi-2022")
            @QueryParam("profile") @jakarta.validation.constraints.Size(min = 1, max = 64) String profile) {
        return profile == null ? service.scorecard(division, year, caller.jurisdiction())
                : service.scorecard(division, year, profile, caller.jurisdiction());
    }

    @GET
    @Path("/{division}/indicators/{indicatorCode}/children")
    @Produces({MediaType.APPLICATION_JSON, DrillCsv.MEDIA_TYPE})
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
        return drillDown.children(division, indicatorCode, year, cursor == null || cursor.isBlank() ? null : cursor.strip(),
                limit, caller.jurisdiction()).map(v -> csv(accept) ? Response.fromResponse(csvResponse(DrillCsv.children(v)))
                        .header(HttpHeaders.LINK, PageLinks.next(uri, v.nextCursor())).build() : json(v));
    }

    @GET
    @Path("/{division}/indicators/{indicatorCode}/gaps")
    @Produces({MediaType.APPLICATION_JSON, DrillCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.DASHBOARD_READER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "listGaps", summary = "Units that fall short on an indicator, and why",
            description = "The institutions (or counties, for county-reported indicators) of the division that fail the"
                    + " per-unit rule of a compliance rate, or whose own ratio is below the division's AT_LEAST target"
                    + " for an aggregate ratio; each with the rule parts missed as data (required, actual, shortfall)"
                    + " and as a Chinese and an English sentence, largest shortfall first. For a compliance rate also"
                    + " the fewest further units meeting the rule that reach the target. From the stored contributions"
                    + " and counted report figures; nothing is recomputed. `Accept: text/csv` answers UTF-8 CSV with a BOM.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GapListView.class)),
            @Content(mediaType = DrillCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Malformed division code, year or limit",
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
            @Parameter(description = "At most this many gaps, largest first (`total` counts all), 1-1000", example = "100")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @HeaderParam("Accept") String accept) {
        return gapService.gaps(division, indicatorCode, year, limit, caller.jurisdiction())
                .map(v -> csv(accept) ? csvResponse(DrillCsv.gaps(v)) : json(v));
    }

    private static boolean csv(String accept) {
        return accept != null && accept.contains(DrillCsv.MEDIA_TYPE) && !accept.contains(MediaType.APPLICATION_JSON);
    }

    private static Response csvResponse(String body) {
        return Response.ok(body).type(DrillCsv.MEDIA_TYPE + ";charset=UTF-8").build();
    }

    private static Response json(Object body) {
        return Response.ok(body).type(MediaType.APPLICATION_JSON).build();
    }
}
