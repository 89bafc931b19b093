package org.tcmeval.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.OpenApiContract;
import org.tcmeval.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class IndicatorResourceTest {

    static final String READER = TestTokens.token("450902", "dashboard-reader");

    @Test
    void servesTheTcmPhysicianRatioFromTheSharedDefinitions() {
        given().auth().oauth2(READER).get("/api/v1/indicators/TCM_PHYSICIAN_RATIO").then().statusCode(200)
                .body("shape", equalTo("AGGREGATE_RATIO"))
                .body("numeratorField", equalTo("tcmPhysicians"))
                .body("denominatorField", equalTo("physicians"))
                .body("applicableTypes", hasItems("CHSC", "THC"));
    }

    @Test
    void unknownCodesAndMissingTokensAreProblems() {
        given().auth().oauth2(READER).get("/api/v1/indicators/NO_SUCH").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/indicators").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void committedOpenApiSpecMatchesTheCode() {
        OpenApiContract.assertCommittedSpecIsCurrent("indicator-catalog");
    }
}
