package org.tcmeval.evaluation.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.evaluation.service.ScorecardService;
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
    Caller caller;

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
            + " (rule known-profile) or does not cover the division (rule covers-division); `period` is a quarter"
            + " (rule annual-periods-only: evaluation judges years only, see `period`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Division outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ScorecardView> scorecard(
            @Parameter(description = "Province (2), city (4) or county (6 digits) GB/T 2260 code", example = "450902")
            @PathParam("division") @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}",
                    message = "must be a 2, 4 or 6 digit GB/T 2260 code") String division,
            @Parameter(description = "Reporting year", example = "2024")
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "The reporting period within `year`: the year itself (`2024`, the same as leaving it"
                    + " out) or a quarter (`2024-Q3`), which is answered 422 `annual-periods-only`: no target is set per"
                    + " quarter, so quarterly reports are kept but count for no indicator, and a quarter has no results"
                    + " (never the year's figures, never NO_DATA). A period of another year is 400 `matches-year`.",
                    example = "2024")
            @QueryParam("period") @jakarta.validation.constraints.Size(max = 16) String period,
            @Parameter(description = "Judge against this target profile (and those it inherits from) instead of the one"
                    + " in force for the division; it must be in force in the year and its division must include this"
                    + " one (422 otherwise). Computed on reading from the stored report figures; nothing is stored or"
                    + " published.", example = "guangxi-2022")
            @QueryParam("profile") @jakarta.validation.constraints.Size(min = 1, max = 64) String profile) {
        int y = AnnualPeriod.year(year, period);
        return profile == null ? service.scorecard(division, y, caller.jurisdiction())
                : service.scorecard(division, y, profile, caller.jurisdiction());
    }
}
