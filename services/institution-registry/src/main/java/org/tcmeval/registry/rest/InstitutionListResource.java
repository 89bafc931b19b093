package org.tcmeval.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Year;
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
import org.tcmeval.registry.EthnicMedicine;
import org.tcmeval.registry.InstitutionStatus;
import org.tcmeval.registry.Ownership;
import org.tcmeval.registry.repository.InstitutionQuery;
import org.tcmeval.registry.service.InstitutionQueryService;
import org.tcmeval.support.http.RequestParams;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.Rules;
import org.tcmeval.support.security.Caller;
import org.tcmeval.support.security.Roles;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.InstitutionType;

@Path("/api/v1/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions")
@SecurityRequirement(name = "bearer")
public class InstitutionListResource {

    @Inject
    InstitutionQueryService service;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.CITY_ADMIN, Roles.COUNTY_REVIEWER, Roles.INSTITUTION_REPORTER,
            Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION, Roles.CATALOG_ADMIN})
    @Operation(operationId = "listInstitutions", summary = "Find institutions",
            description = "Institutions inside your jurisdiction matching every filter given, in id order (ids are "
                    + "time-ordered, so newly registered institutions come last). Page with the opaque `nextCursor`; "
                    + "paging neither repeats nor skips a row when institutions are registered meanwhile. A division "
                    + "outside your jurisdiction gives an empty page; one above it gives your jurisdiction.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstitutionPage.class),
            examples = @ExampleObject(name = "容县中医医院", value = "{\"items\": [{\"id\": \"0190a5e8-8c1b-7a57-9d8e-"
                    + "2b7f1f6a0c11\", \"name\": \"容县中医医院\", \"type\": \"COUNTY_TCM_HOSPITAL\", \"divisionCode\": "
                    + "\"450921\", \"countyCode\": \"450921\", \"ownership\": \"PUBLIC\", \"grade\": \"GRADE_2A\", "
                    + "\"openedOn\": \"1958-03-01\", \"status\": \"OPERATING\", \"revision\": 0}], \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "A filter, the cursor or the limit is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Your roles do not allow this, or the token has no division claim",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InstitutionPage> list(
            @Parameter(description = "Division code prefix at any level (2, 4, 6 or 9 digits); default: your "
                    + "jurisdiction", example = "4509") @QueryParam("division") String division,
            @Parameter(description = "Institution types, repeated or comma-separated",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = InstitutionType.class), example = "[\"THC\"]")
            @QueryParam("type") List<String> types,
            @Parameter(description = "OPERATING or CLOSED, as of today",
                    schema = @Schema(implementation = InstitutionStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Open on at least one day of this year", example = "2024")
            @QueryParam("operatingIn") String operatingIn,
            @Parameter(description = "Hospital grades, repeated or comma-separated", example = "[\"GRADE_2A\", \"GRADE_3A\"]",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = HospitalGrade.class))
            @QueryParam("grade") List<String> grades,
            @Parameter(schema = @Schema(implementation = Ownership.class)) @QueryParam("ownership") String ownership,
            @Parameter(schema = @Schema(implementation = EthnicMedicine.class), example = "ZHUANG")
            @QueryParam("ethnicMedicine") String ethnicMedicine,
            @Parameter(description = "Part of the name, any case", example = "中医医院") @QueryParam("q") String q,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 1000 (default 100)", example = "100") @QueryParam("limit") String limit,
            @Parameter(description = "Also count all matches (costs a query)", example = "true")
            @QueryParam("includeTotal") String includeTotal) {
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 100) {
            throw ProblemException.invalid("q", Rules.LENGTH, "q must be at most 100 characters");
        }
        Integer year = operatingIn == null || operatingIn.isBlank() ? null
                : RequestParams.integer("operatingIn", operatingIn, 0, 1949, Year.now().getValue() + 1);
        InstitutionQuery filters = new InstitutionQuery(RequestParams.divisionPrefix("division", division),
                RequestParams.enums("type", types, InstitutionType.class),
                RequestParams.enumeration("status", status, InstitutionStatus.class), null, year,
                RequestParams.enums("grade", grades, HospitalGrade.class),
                RequestParams.enumeration("ownership", ownership, Ownership.class),
                RequestParams.enumeration("ethnicMedicine", ethnicMedicine, EthnicMedicine.class), text);
        return service.list(filters, filters.toString(), cursor == null || cursor.isBlank() ? null : cursor.strip(),
                RequestParams.integer("limit", limit, 100, 1, 1000), RequestParams.bool("includeTotal", includeTotal),
                caller.jurisdiction());
    }
}
