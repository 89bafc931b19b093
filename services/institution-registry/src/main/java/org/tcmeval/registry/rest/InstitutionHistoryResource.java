package org.tcmeval.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.registry.mapping.InstitutionMapper;
import org.tcmeval.registry.service.InstitutionService;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;

/** Who changed what and when (变更记录), revision by revision. */
@Path("/api/v1/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions")
@SecurityRequirement(name = "bearer")
public class InstitutionHistoryResource {

    @Inject
    InstitutionService service;

    @Inject
    Caller caller;

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.INSTITUTION_REPORTER,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION, Roles.CATALOG_ADMIN})
    @Operation(operationId = "getInstitutionHistory", summary = "Read an institution's change history",
            description = "Every revision, oldest first: who (token subject), when, and each changed field's old and new "
                    + "value. Revision 0 is the registration.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstitutionChangeView.class,
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
            examples = @ExampleObject(name = "更名", value = "[{\"revision\": 1, \"action\": \"UPDATED\", \"source\": \"API\", "
                    + "\"changedBy\": \"user-4509\", \"changedAt\": \"2025-03-01T09:30:00+08:00\", \"changes\": [{\"field\": "
                    + "\"name\", \"old\": \"容县杨梅镇卫生院\", \"new\": \"容县杨梅镇中心卫生院\"}]}]")))
    @APIResponse(responseCode = "404", description = "Unknown, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<InstitutionChangeView>> history(@PathParam("id") UUID id) {
        return service.history(id, caller.jurisdiction())
                .map(list -> list.stream().map(InstitutionMapper::toView).toList());
    }
}
