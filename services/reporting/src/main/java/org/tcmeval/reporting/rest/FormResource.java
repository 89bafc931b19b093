package org.tcmeval.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tcmeval.reporting.ReporterKind;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Roles;
import org.tcmeval.targets.InstitutionType;

@Path("/api/v1/forms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Forms", description = "What each kind of reporter fills in, from the shared indicator definitions")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.INSTITUTION_REPORTER, Roles.COUNTY_REVIEWER, Roles.CITY_ADMIN, Roles.PROVINCE_ADMIN,
        Roles.DASHBOARD_READER, Roles.PLATFORM_INTEGRATION})
public class FormResource {

    @GET
    @Operation(operationId = "listForms", summary = "Every form: one per institution type, county, city, province")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FormView.class, type =
            org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<FormView> list() {
        List<FormView> forms = new ArrayList<>();
        Arrays.stream(InstitutionType.values()).forEach(t -> forms.add(form(t.name())));
        List.of(ReporterKind.COUNTY, ReporterKind.CITY, ReporterKind.PROVINCE).forEach(k -> forms.add(form(k.name())));
        return forms;
    }

    @GET
    @Path("/{kind}")
    @Operation(operationId = "getForm", summary = "The form of one kind of reporter",
            description = "`kind` is an institution type (THC, CHSC, CHSS, VILLAGE_CLINIC, COUNTY_TCM_HOSPITAL, ...) "
                    + "or COUNTY, CITY, PROVINCE for a division's own report.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FormView.class)))
    @APIResponse(responseCode = "404", description = "No such kind of reporter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FormView get(@Parameter(example = "THC") @PathParam("kind") String kind) {
        return form(kind);
    }

    private static FormView form(String kind) {
        for (InstitutionType t : InstitutionType.values()) {
            if (t.name().equals(kind)) {
                return FormView.of(kind, ReporterKind.INSTITUTION, ReporterKind.INSTITUTION.form(t));
            }
        }
        for (ReporterKind k : ReporterKind.values()) {
            if (k != ReporterKind.INSTITUTION && k.name().equals(kind)) {
                return FormView.of(kind, k, k.form(null));
            }
        }
        throw ProblemException.notFound("form '" + (kind.length() > 40 ? kind.substring(0, 40) + "…" : kind) + "'");
    }
}
