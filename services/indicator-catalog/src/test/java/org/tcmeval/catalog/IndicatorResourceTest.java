package org.tcmeval.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.Management;
import org.tcmeval.testing.OpenApiContract;
import org.tcmeval.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class IndicatorResourceTest {

    static final String READER = TestTokens.token("450902", "dashboard-reader");

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void servesTheTcmPhysicianRatioFromTheSharedDefinitions() {
        given().auth().oauth2(READER).get("/api/v1/indicators/TCM_PHYSICIAN_RATIO").then().statusCode(200)
                .body("shape", equalTo("AGGREGATE_RATIO"))
                .body("numeratorField", equalTo("tcmPhysicians"))
                .body("denominatorField", equalTo("physicians"))
                .body("applicableTypes", hasItems("CHSC", "THC"));
    }

    @Test
    void indicatorsCarryTheirGroupAndCanBeFilteredByIt() {
        // guangxi 附表 第13项 sits in the group 基层中医药人才队伍建设 (WORKFORCE), a density per 10,000 residents.
        given().auth().oauth2(READER).get("/api/v1/indicators/TCM_GP_DENSITY").then().statusCode(200)
                .body("category", equalTo("WORKFORCE")).body("categoryNameZh", equalTo("基层中医药人才队伍建设"))
                .body("unit", equalTo("PER_10K_RESIDENTS")).body("unitNameZh", equalTo("每万常住人口"))
                .body("reporter", equalTo("COUNTY")).body("populationScale", equalTo(10000));
        // beilun 四、（四）2: the per-institution rule is part of the indicator.
        given().auth().oauth2(READER).get("/api/v1/indicators/CHSC_TCM_PHYSICIAN_SHARE_EACH").then().statusCode(200)
                .body("perUnitRule", equalTo("tcmPhysicians >= 25% of physicians"));
        given().auth().oauth2(READER).queryParam("category", "WORKFORCE").get("/api/v1/indicators").then()
                .statusCode(200).body("category", everyItem(equalTo("WORKFORCE")))
                .body("code", hasItems("TCM_GP_DENSITY", "TCM_PHYSICIAN_RATIO", "CHSS_TCM_PHYSICIAN"));
        given().auth().oauth2(READER).get("/api/v1/indicators").then().statusCode(200).body("size()", equalTo(68));
        given().auth().oauth2(READER).queryParam("category", "HAPPINESS").get("/api/v1/indicators").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category")).body("errors[0].rule", equalTo("one-of"));
    }

    @Test
    void unknownCodesAndMissingTokensAreProblems() {
        given().auth().oauth2(READER).get("/api/v1/indicators/NO_SUCH").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/indicators").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void readyOnceSeededAndTopicsAreCompacted() {
        Management.given(management).get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("canonical profiles seeded", "compacted topics"));
    }

    /** Health and metrics live on the management port only; the API port treats them as any unknown path. */
    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        Management.given(management).get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
        Management.given(management).get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready"}) {
            given().get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("/problems/not-found"));
        }
        // The API documentation stays with the API.
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void committedOpenApiSpecMatchesTheCode() {
        OpenApiContract.assertCommittedSpecIsCurrent("indicator-catalog");
    }
}
