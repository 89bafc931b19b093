package org.tcmeval.support.openapi;

import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.tcmeval.support.paging.PageLinks;
import org.tcmeval.support.problem.Problem;

/**
 * Declares once, for every service, what all secured operations share: the security schemes and the
 * 401 / 403 / 429 problem answers (and, for every operation, the 414 / 431 request-limit problems). Resources only say {@code @SecurityRequirement(name = "bearer")} and
 * document the answers that are specific to them; every such operation also accepts the
 * {@value #OIDC_SCHEME} scheme (the same Keycloak access token, found through OIDC discovery), as
 * an alternative requirement. The service's {@value #SERVER_URL_PROPERTY} (its address on the local
 * stack) is the spec's server.
 */
public class SecuredOperations implements OASFilter {

    public static final String SCHEME = "bearer";
    public static final String OIDC_SCHEME = "oidc";
    /** The OIDC discovery document the spec points to; the local Keycloak of {@code deploy/tcm.sh up} by default. */
    public static final String OIDC_URL_PROPERTY = "tcm.openapi.oidc-discovery-url";
    /** The service's URL on the stack {@code deploy/tcm.sh up} starts, set in its application.properties. */
    public static final String SERVER_URL_PROPERTY = "tcm.openapi.server-url";
    static final String URI_TOO_LONG = "UriTooLong";
    static final String HEADERS_TOO_LARGE = "HeadersTooLarge";
    public static final String DEFAULT_OIDC_URL = "http://127.0.0.1:8180/realms/tcm/.well-known/openid-configuration";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addResponse(URI_TOO_LONG, problem("The request line (method, path and query) is longer "
                + "than tcm.http.max-request-line bytes (default 4,096): problem uri-too-long"));
        openAPI.getComponents().addResponse(HEADERS_TOO_LARGE, problem("The request's header fields together exceed "
                + "tcm.http.max-header-bytes (default 20,480): problem headers-too-large"));
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Access token from Keycloak realm `tcm`; its `division` claim (GB/T 2260 code) is the "
                        + "caller's jurisdiction and scopes what the caller sees"));
        openAPI.getComponents().addSecurityScheme(OIDC_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT).openIdConnectUrl(oidcDiscoveryUrl())
                .description("The same access token as `bearer`, obtained from Keycloak realm `tcm` (OpenID Connect "
                        + "discovery; the services read it from `TCM_OIDC_URL`)"));
        ConfigProvider.getConfig().getOptionalValue(SERVER_URL_PROPERTY, String.class).ifPresent(url -> {
            if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
                openAPI.addServer(OASFactory.createServer().url(url).description(
                        "Local stack started by `deploy/tcm.sh up` (default port); an installation serves the same API "
                                + "at its own address"));
            }
        });
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            Map<?, Operation> operations = item.getOperations();
            operations.values().forEach(SecuredOperations::addProblemAnswers);
            operations.values().forEach(SecuredOperations::addRequestLimitAnswers);
            operations.values().forEach(SecuredOperations::addPageLink);
        });
    }

    private static String oidcDiscoveryUrl() {
        return ConfigProvider.getConfig().getOptionalValue(OIDC_URL_PROPERTY, String.class).orElse(DEFAULT_OIDC_URL);
    }

    private static void addProblemAnswers(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return;
        }
        boolean bearer = operation.getSecurity().stream().anyMatch(requirement -> requirement.hasScheme(SCHEME));
        boolean oidc = operation.getSecurity().stream().anyMatch(requirement -> requirement.hasScheme(OIDC_SCHEME));
        if (bearer && !oidc) {
            SecurityRequirement alternative = OASFactory.createSecurityRequirement().addScheme(OIDC_SCHEME);
            operation.addSecurityRequirement(alternative);
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
        if (!responses.hasAPIResponse("429")) {
            responses.addAPIResponse("429", problem("Too many requests without a valid token came from your address in"
                    + " the last minute (tcm.rate-limit.auth-failures-per-minute); wait Retry-After seconds"));
        }
    }

    /**
     * Every operation, secured or not, sits behind the same request-line and header limits
     * ({@code RequestLimits}), so a client generated from the spec knows those two answers too.
     */
    private static void addRequestLimitAnswers(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (!responses.hasAPIResponse("414")) {
            responses.addAPIResponse("414", OASFactory.createAPIResponse().ref(URI_TOO_LONG));
        }
        if (!responses.hasAPIResponse("431")) {
            responses.addAPIResponse("431", OASFactory.createAPIResponse().ref(HEADERS_TOO_LARGE));
        }
    }

    /** Every cursor-paged list answers its next page in a {@code Link} header too (see {@code PageLinks}). */
    private static void addPageLink(Operation operation) {
        boolean paged = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> PageLinks.PARAMETER.equals(p.getName())
                        && p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY);
        var ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        if (paged && ok != null && (ok.getHeaders() == null || !ok.getHeaders().containsKey("Link"))) {
            ok.addHeader("Link", OASFactory.createHeader()
                    .description("RFC 8288 link to the next page, `<URL>; rel=\"next\"`: this request with `cursor` set"
                            + " to the next page's cursor; absent on the last page")
                    .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema
                            .SchemaType.STRING).example("<https://host/api/v1/institutions?divisionCode=4509&cursor="
                            + "MS4wMTkw>; rel=\"next\"")));
        }
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
    }
}
