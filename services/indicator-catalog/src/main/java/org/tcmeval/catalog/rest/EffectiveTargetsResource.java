package org.tcmeval.catalog.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.catalog.mapping.ProfileMapper;
import org.tcmeval.catalog.service.ProfileQueryService;
import org.tcmeval.support.problem.Problem;

/** Which targets apply to a division in a year, and where each comes from (生效目标及出处). */
@Path("/api/v1/effective-targets")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Effective targets", description = "Targets in force for a division and year, with provenance")
@SecurityRequirement(name = "bearer")
public class EffectiveTargetsResource {

    @Inject
    ProfileQueryService query;

    @GET
    @WithSession
    @Operation(operationId = "getEffectiveTargets", summary = "Targets in force for a division in a year",
            description = "Resolves inheritance national -> province -> city -> county with the revision of each "
                    + "profile in force in `year`: a change made later with a later `effectiveFrom` does not alter "
                    + "an earlier year. Every target carries threshold, comparator, nature (binding 约束性 / expected "
                    + "预期性), deadline, baseline, applicability condition, the source document and place, and the "
                    + "profile revision it comes from. E.g. 容县 450921 in 2025 inherits 广西 and takes 玉林's row 18.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EffectiveTargetsView.class),
            examples = @ExampleObject(name = "容县 2025", value = Examples.EFFECTIVE)))
    @APIResponse(responseCode = "400", description = "Missing or malformed division or year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<EffectiveTargetsView> effective(
            @Parameter(description = "GB/T 2260 province, city or county code, or a 9-digit township code",
                    example = "450921")
            @QueryParam("division") @NotNull @Pattern(regexp = "\\d{2}|\\d{4}|\\d{6}|\\d{9}",
                    message = "must be a 2, 4, 6 or 9 digit division code") String division,
            @Parameter(description = "The year being judged", example = "2025")
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        return query.effective(division, year).map(ProfileMapper::toView);
    }
}
