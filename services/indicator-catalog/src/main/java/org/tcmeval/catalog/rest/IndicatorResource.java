package org.tcmeval.catalog.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
import org.tcmeval.catalog.mapping.IndicatorMapper;
import org.tcmeval.support.http.RequestParams;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.targets.Category;
import org.tcmeval.targets.ComputationShape;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.Reporter;

/** The evaluation indicators (评价指标) of libs/targets: what is measured and how, whatever the jurisdiction. */
@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Indicators", description = "Evaluation indicators (评价指标)")
@SecurityRequirement(name = "bearer")
public class IndicatorResource {

    @GET
    @Operation(operationId = "listIndicators", summary = "List indicators",
            description = "Every indicator of the five source documents, in catalogue order, optionally filtered. Each "
                    + "names its computation shape, unit, reporter and the report fields and per-unit rule it reads; "
                    + "the thresholds are per jurisdiction, see `/api/v1/effective-targets`.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IndicatorView.class,
            type = SchemaType.ARRAY), examples = @ExampleObject(name = "人才队伍", value = "[" + Examples.INDICATOR + "]")))
    @APIResponse(responseCode = "400", description = "Unknown category, shape or reporter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<IndicatorView> list(
            @Parameter(description = "Only this group of the source tables", example = "WORKFORCE")
            @QueryParam("category") String category,
            @Parameter(description = "Only this computation shape", example = "COMPLIANCE_RATE")
            @QueryParam("shape") String shape,
            @Parameter(description = "Only indicators whose figures this reporter supplies", example = "COUNTY")
            @QueryParam("reporter") String reporter) {
        Category inCategory = RequestParams.enumeration("category", category, Category.class);
        ComputationShape ofShape = RequestParams.enumeration("shape", shape, ComputationShape.class);
        Reporter by = RequestParams.enumeration("reporter", reporter, Reporter.class);
        return Indicators.ALL.stream()
                .filter(i -> inCategory == null || i.category() == inCategory)
                .filter(i -> ofShape == null || i.shape() == ofShape)
                .filter(i -> by == null || i.reporter() == by)
                .map(IndicatorMapper::toView).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getIndicator", summary = "Read an indicator",
            description = "One indicator by its stable code, e.g. Beilun's per-institution rule "
                    + "`CHSC_TCM_PHYSICIAN_SHARE_EACH` (每个社区卫生服务中心中医类别医师占比25%以上).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IndicatorView.class),
            examples = @ExampleObject(name = "北仑 每个中心25%", value = Examples.INDICATOR)))
    @APIResponse(responseCode = "404", description = "Unknown indicator code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IndicatorView get(@Parameter(description = "Indicator code", example = "TCM_GP_DENSITY")
            @PathParam("code") String code) {
        return Indicators.byCode(code).map(IndicatorMapper::toView)
                .orElseThrow(() -> ProblemException.notFound("indicator " + code));
    }
}
