package org.tcmeval.evaluation.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.tcmeval.evaluation.service.SeriesService;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

/** An indicator's years side by side with the plan's baseline and a projection (issue 9). */
@Path("/api/v1/scorecards/{division}/indicators/{indicatorCode}/series")
@Tag(name = "Scorecards")
@SecurityRequirement(name = "bearer")
public class TrendResource {

    static final String EXAMPLE = """
            {"divisionCode":"450721","indicatorCode":"ELDERLY_TCM_HEALTH_MANAGEMENT_RATE",\
            "nameZh":"65岁以上老年人中医药健康管理率","nameEn":"TCM health-management rate of residents aged 65+",\
            "unit":"PERCENT","from":2021,"to":2025,\
            "target":{"profileId":"qinzhou-2023","profileDivisionCode":"4507","comparator":"AT_LEAST","threshold":75,\
            "deadlineYear":2025,"nature":"EXPECTED","sourceDocument":"qinzhou-tcm-development-plan-2023",\
            "sourceLocation":"专栏1 主要发展指标 第20项"},\
            "baseline":{"year":2020,"value":71.82,"divisionCode":"4507","ofThisDivision":false},\
            "years":[\
            {"year":2021,"status":"NOT_MET","value":71,"numerator":710,"denominator":1000,"comparator":"AT_LEAST",\
            "threshold":75,"profileId":"qinzhou-2023","completeness":100,"unitsDecided":1,"unitsExpected":1,"inProjection":true},\
            {"year":2022,"status":"NOT_MET","value":71.2,"numerator":712,"denominator":1000,"comparator":"AT_LEAST",\
            "threshold":75,"profileId":"qinzhou-2023","completeness":100,"unitsDecided":1,"unitsExpected":1,"inProjection":true},\
            {"year":2023,"status":"NOT_MET","value":71.1,"numerator":711,"denominator":1000,"comparator":"AT_LEAST",\
            "threshold":75,"profileId":"qinzhou-2023","completeness":100,"unitsDecided":1,"unitsExpected":1,"inProjection":true},\
            {"year":2024,"status":"NOT_MET","value":71.5,"numerator":715,"denominator":1000,"comparator":"AT_LEAST",\
            "threshold":75,"profileId":"qinzhou-2023","completeness":100,"unitsDecided":1,"unitsExpected":1,"inProjection":true},\
            {"year":2025,"status":"NOT_COMPUTED","reason":"NOT_STORED: no result is recorded for this division and year",\
            "inProjection":false}],\
            "projection":{"kind":"PROJECTION","method":"LEAST_SQUARES_LINEAR","verdict":"OFF_TRACK","year":2025,\
            "value":71.55,"slopePerYear":0.14,"points":4,"firstYear":2021,"lastYear":2024,\
            "zh":"按 2021–2024 年 4 个数据线性外推（预测值，非实际结果）：2025 年约 71.55，目标 ≥ 75，按此趋势难以达标",\
            "en":"linear projection over 4 values (2021–2024; an estimate, not a result): about 71.55 in 2025 against >= 75, off track"}}""";

    @Inject
    SeriesService service;

    @Inject
    Caller caller;

    @GET
    @Produces({MediaType.APPLICATION_JSON, DrillCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.DASHBOARD_READER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "getIndicatorSeries", summary = "One indicator of a division year by year, with a projection",
            description = "Every year from `from` to `to` (at most 30) with the division's stored result: status, value,"
                    + " numerator, denominator, the target it was judged against and completeness; a year with nothing"
                    + " stored is NOT_COMPUTED with reason NOT_STORED. `target` is the target in force in `to`;"
                    + " `baseline` is the plan document's starting value (Qinzhou's 2020 values), which belongs to the"
                    + " profile's division (`ofThisDivision`). `projection` is an estimate, never a result: the"
                    + " least-squares line through the years with `inProjection` (a value that is not INCOMPLETE),"
                    + " evaluated at the target's `deadlineYear` and judged with its comparator on the exact value:"
                    + " ON_TRACK, OFF_TRACK, or NOT_PROJECTED with `notProjectedBecause` (NO_TARGET, FEWER_THAN_TWO_VALUES,"
                    + " DEADLINE_NOT_AFTER_DATA, TARGET_OF_ANOTHER_DIVISION). Read from stored results only."
                    + " `Accept: text/csv` answers UTF-8 CSV with a BOM, one line per BASELINE, REPORTED year and PROJECTION.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesView.class),
                    examples = @ExampleObject(name = "lingshan", summary = "A Qinzhou county, four years reported",
                            value = EXAMPLE)),
            @Content(mediaType = DrillCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Malformed division code, `from` or `to` outside 2000-2100,"
            + " `from` after `to` (rule from-not-after-to), a range over 30 years (rule at-most-30-years), or a quarter"
            + " (`from=2024-Q1`: series are yearly, as evaluation judges years only; quarterly reports count for no"
            + " indicator)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Division outside your jurisdiction, or unknown indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> series(
            @Parameter(description = "Province (2), city (4) or county (6 digits) GB/T 2260 code", example = "450721")
            @PathParam("division") @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}",
                    message = "must be a 2, 4 or 6 digit GB/T 2260 code") String division,
            @Parameter(description = "Indicator code", example = "ELDERLY_TCM_HEALTH_MANAGEMENT_RATE")
            @PathParam("indicatorCode") String indicatorCode,
            @Parameter(description = "First year, inclusive; a year, never a quarter (400)", example = "2021")
            @QueryParam("from") @NotNull @Min(2000) @Max(2100) Integer from,
            @Parameter(description = "Last year, inclusive; at most 29 years after `from`", example = "2025")
            @QueryParam("to") @NotNull @Min(2000) @Max(2100) Integer to,
            @HeaderParam("Accept") String accept) {
        return service.series(division, indicatorCode, from, to, caller.jurisdiction())
                .map(v -> csv(accept) ? Response.ok(TrendCsv.series(v)).type(DrillCsv.MEDIA_TYPE + ";charset=UTF-8").build()
                        : Response.ok(v).type(MediaType.APPLICATION_JSON).build());
    }

    static boolean csv(String accept) {
        return accept != null && accept.contains(DrillCsv.MEDIA_TYPE) && !accept.contains(MediaType.APPLICATION_JSON);
    }
}
