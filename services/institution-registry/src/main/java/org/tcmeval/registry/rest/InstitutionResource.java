package org.tcmeval.registry.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.registry.Institution;
import org.tcmeval.registry.mapping.InstitutionMapper;
import org.tcmeval.registry.service.InstitutionService;
import org.tcmeval.registry.service.RegistryClock;
import org.tcmeval.support.idempotency.Idempotency;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.security.Roles;

@Path("/api/v1/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions", description = "Grassroots medical institutions (基层医疗卫生机构)")
@SecurityRequirement(name = "bearer")
public class InstitutionResource {

    static final String CREATE_EXAMPLE = "{\"name\": \"容县杨梅镇卫生院\", \"type\": \"THC\", \"divisionCode\": \"450921101\", "
            + "\"uscc\": \"12450921MB00000170\", \"registrationNumber\": \"PDY00012345092117A1001\", \"ownership\": "
            + "\"PUBLIC\", \"grade\": \"GRADE_1A\", \"openedOn\": \"1958-03-01\"}";

    @Inject
    InstitutionService service;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Inject
    RegistryClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.PLATFORM_INTEGRATION})
    @Operation(operationId = "createInstitution", summary = "Register an institution",
            description = "Registers an institution in a division inside your jurisdiction and publishes "
                    + "`institution-changed`. The division must exist and match the type's level (county hospitals on a "
                    + "6-digit county, CHSC/THC/CHSS/village clinics on a 9-digit township). Send an `Idempotency-Key` "
                    + "to make retries safe.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InstitutionRequest.class),
            examples = @ExampleObject(name = "乡镇卫生院", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; `Location` is its URL, `ETag` its revision",
            content = @Content(schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (problem names the field and rule)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "check-character", value = "{\"type\": \"/"
                            + "problems/validation\", \"title\": \"Request is invalid\", \"status\": 400, \"detail\": \"uscc "
                            + "check character is '0' but must be '3'\", \"instance\": \"/api/v1/institutions\", \"errors\": "
                            + "[{\"field\": \"uscc\", \"rule\": \"uscc\", \"message\": \"uscc check character is '0' but "
                            + "must be '3'\"}]}")))
    @APIResponse(responseCode = "409", description = "USCC or registration number already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The division does not exist or is outside your jurisdiction; or "
            + "the Idempotency-Key was used for another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull InstitutionRequest request,
            @Parameter(description = "Client-chosen key; a retry with the same key takes effect once")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Jurisdiction jurisdiction = caller.jurisdiction();
        String who = caller.subject();
        return idempotency.once(idempotencyKey, who + ":create-institution", request,
                () -> service.create(request.toDraft(), jurisdiction, who).map(i -> Response
                        .created(uri.getAbsolutePathBuilder().path(i.id.toString()).build())
                        .tag(String.valueOf(i.revision)).entity(InstitutionMapper.toView(i, clock.today())).build()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.INSTITUTION_REPORTER,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION, Roles.CATALOG_ADMIN})
    @Operation(operationId = "getInstitution", summary = "Read an institution", description = "Its current state; the `ETag` header (\"<revision>\") "
            + "is what `If-Match` must carry to change it.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstitutionView.class),
            examples = @ExampleObject(name = "容县杨梅镇卫生院", value = "{\"id\": \"0190a5e8-8c1b-7a57-9d8e-2b7f1f6a0c11\", "
                    + "\"name\": \"容县杨梅镇卫生院\", \"type\": \"THC\", \"divisionCode\": \"450921101\", "
                    + "\"countyCode\": \"450921\", \"uscc\": \"12450921MB00000170\", \"registrationNumber\": "
                    + "\"PDY00012345092117A1001\", \"ownership\": \"PUBLIC\", \"grade\": \"GRADE_1A\", "
                    + "\"ethnicMedicine\": null, \"openedOn\": \"1958-03-01\", \"closedOn\": null, \"status\": "
                    + "\"OPERATING\", \"revision\": 0, \"createdAt\": \"2025-03-01T09:30:00+08:00\", \"updatedAt\": "
                    + "\"2025-03-01T09:30:00+08:00\"}")))
    @APIResponse(responseCode = "404", description = "Unknown, or outside your jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id, caller.jurisdiction()).map(this::ok);
    }

    private Response ok(Institution i) {
        return Response.ok(InstitutionMapper.toView(i, clock.today())).tag(String.valueOf(i.revision)).build();
    }
}
