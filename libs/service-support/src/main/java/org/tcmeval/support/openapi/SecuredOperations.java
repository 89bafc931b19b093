package org.tcmeval.support.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.tcmeval.support.problem.Problem;

/**
 * Declares once, for every service, what all secured operations share: the bearer scheme and the
 * 401 / 403 problem answers. Resources only say {@code @SecurityRequirement(name = "bearer")} and
 * document the answers that are specific to them.
 */
public class SecuredOperations implements OASFilter {

    public static final String SCHEME = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Access token from Keycloak realm `tcm`; its `division` claim (GB/T 2260 code) is the "
                        + "caller's jurisdiction and scopes what the caller sees"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            Map<?, Operation> operations = item.getOperations();
            operations.values().forEach(SecuredOperations::addProblemAnswers);
        });
    }

    private static void addProblemAnswers(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return;
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (!responses.hasAPIResponse("401")) {
            responses.addAPIResponse("401", problem("No or invalid bearer token"));
        }
        if (!responses.hasAPIResponse("403")) {
            responses.addAPIResponse("403", problem("Your roles do not allow this, or the token has no division claim"));
        }
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
    }
}
