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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.evaluation.service.SupervisionService;
import org.tcmeval.evaluation.supervision.SupervisionDraw;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

/** The year's supervision plan (督导抽查计划) of a province or city (issue 9). */
@Path("/api/v1/supervision-plans")
@Tag(name = "Supervision plans", description = "Who a province or city supervises in a year, and why (督导抽查)")
@SecurityRequirement(name = "bearer")
public class SupervisionResource {

    static final String EXAMPLE = """
            {"divisionCode":"4501","name":"南宁市","level":"CITY","year":2025,"seed":1234567,"seedSource":"GIVEN",\
            "required":{"unitKind":"COUNTY","share":1,"candidates":2,"quota":2,"worstGapPlaces":0,"drawnPlaces":0,\
            "gapBasis":"stored results judged NOT_MET","items":[\
            {"rank":1,"code":"450102","name":"兴宁区","unitKind":"COUNTY","reason":"ALL_REQUIRED","gaps":3,"judged":12,\
            "drawNumber":"5be1e4c1a3b1f0d2","tieBrokenByDraw":false,"reasonZh":"全覆盖：每个县（市、区）均须督导；3 项指标未达标（已存储结果）",\
            "reasonEn":"every county is supervised; 3 indicators NOT_MET in the stored results"},\
            {"rank":2,"code":"450103","name":"青秀区","unitKind":"COUNTY","reason":"ALL_REQUIRED","gaps":0,"judged":12,\
            "drawNumber":"0c4d2e9f61a8b3e7","tieBrokenByDraw":false,"reasonZh":"全覆盖：每个县（市、区）均须督导",\
            "reasonEn":"every county is supervised"}]},\
            "drawn":{"unitKind":"INSTITUTION","share":0.6,"candidates":7,"quota":5,"worstGapPlaces":3,"drawnPlaces":2,\
            "gapBasis":"per-unit rules of compliance rates failed by the stored contributions","items":[\
            {"rank":1,"code":"0b8f3c52-6a1e-4c8e-9a57-3f0c2d1e4b6a","name":"兴宁区五塘镇卫生院","unitKind":"INSTITUTION",\
            "institutionType":"THC","countyCode":"450102","reason":"WORST_GAP","gaps":2,"judged":2,\
            "drawNumber":"9a0b1c2d3e4f5061","tieBrokenByDraw":false,"reasonZh":"差距优先：2 项单位达标规则未满足",\
            "reasonEn":"worst gaps first: fails 2 per-unit rules"},\
            {"rank":4,"code":"5d2e7f10-3b4c-4a5d-8e6f-708192a3b4c5","name":"青秀区长塘镇卫生院","unitKind":"INSTITUTION",\
            "institutionType":"THC","countyCode":"450103","reason":"DRAWN","gaps":0,"judged":2,\
            "drawNumber":"01f2e3d4c5b6a798","tieBrokenByDraw":false,"reasonZh":"随机抽取：种子 1234567，抽签号 01f2e3d4c5b6a798",\
            "reasonEn":"drawn at random: seed 1234567, draw number 01f2e3d4c5b6a798"}],\
            "nextCursor":"cjEuMC4wMWYyZTNkNGM1YjZhNzk4LjVkMmU3ZjEwLmFiY2RlZjEyMzQ1Ng"}}""";

    @Inject
    SupervisionService service;

    @Inject
    Caller caller;

    @GET
    @Path("/{division}")
    @Produces({MediaType.APPLICATION_JSON, DrillCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.DASHBOARD_READER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "getSupervisionPlan", summary = "The year's supervision plan of a province or city",
            description = "A province supervises every city and 60% of its counties; a city every county and 60% of its"
                    + " grassroots institutions (CHSC, THC, CHSS, village clinics). Shares are settings"
                    + " (tcm.supervision.*); a share below 1 takes ⌈share · n⌉ units, rounded up (60% of 5 counties is 3,"
                    + " of 7 institutions 5). Units with the most gaps take places first: for a division its stored"
                    + " results of the year judged NOT_MET, for an institution the per-unit rules of compliance rates its"
                    + " stored contributions to the city fail. The remaining places go to the lowest draw numbers:"
                    + " SplitMix64 of (seed XOR FNV-1a-64 of the unit code's UTF-8 bytes), compared unsigned; ties of"
                    + " gaps are broken the same way. The same division, year, seed and stored data always give the same"
                    + " plan, on any machine. Without `seed` it is FNV-1a-64 of `<division>:<year>` cut to 53 bits."
                    + " Every chosen unit carries its reason as data (ALL_REQUIRED, WORST_GAP with the gap count, DRAWN"
                    + " with the draw number) and as a Chinese and an English sentence. The required tier comes whole;"
                    + " the drawn tier in pages of `limit` in rank order. `Accept: text/csv` answers the whole plan in"
                    + " one UTF-8 sheet with a BOM, one line per chosen unit with its tier.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupervisionPlanView.class),
                    examples = @ExampleObject(name = "city", summary = "A city's plan, first page of institutions",
                            value = EXAMPLE)),
            @Content(mediaType = DrillCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Not a province (2 digits) or city (4 digits) code, malformed year,"
            + " seed, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Division outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> plan(
            @Parameter(description = "Province (2) or city (4 digits) GB/T 2260 code", example = "4501")
            @PathParam("division") @Pattern(regexp = "\\d{2}|\\d{4}",
                    message = "must be a province (2 digits) or city (4 digits) code: they draw supervision plans")
            String division,
            @Parameter(description = "Plan year; gaps are read from that year's stored results", example = "2025")
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "Seed of the draw, 0 to 2^53 − 1; default derived from division and year",
                    example = "1234567")
            @QueryParam("seed") @Min(0) @Max(SupervisionDraw.MAX_SEED) Long seed,
            @Parameter(description = "nextCursor of the previous page of the drawn tier") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size of the drawn tier, 1-1000", example = "100")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @HeaderParam("Accept") String accept) {
        boolean csv = TrendResource.csv(accept);
        return service.plan(division, year, seed, csv || cursor == null || cursor.isBlank() ? null : cursor.strip(),
                csv ? Integer.MAX_VALUE : limit, caller.jurisdiction())
                .map(v -> csv ? Response.ok(TrendCsv.plan(v)).type(DrillCsv.MEDIA_TYPE + ";charset=UTF-8").build()
                        : Response.ok(v).type(MediaType.APPLICATION_JSON).build());
    }
}
