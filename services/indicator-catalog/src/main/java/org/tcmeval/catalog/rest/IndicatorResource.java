package org.tcmeval.catalog.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.catalog.mapping.IndicatorMapper;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.targets.Indicators;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Indicators", description = "Evaluation indicators (评价指标)")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Access token from Keycloak realm `tcm`")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No or invalid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class IndicatorResource {

    @GET
    @Operation(summary = "List indicators")
    public List<IndicatorView> list() {
        return Indicators.ALL.stream().map(IndicatorMapper::toView).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Read an indicator")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "404", description = "Unknown indicator code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IndicatorView get(@PathParam("code") String code) {
        return Indicators.byCode(code).map(IndicatorMapper::toView)
                .orElseThrow(() -> ProblemException.notFound("indicator " + code));
    }
}
