package org.tcmeval.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tcmeval.testing.TestTokens;

/** The two limits every service applies, with limits low enough to reach in a test. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tcm.rate-limit.bulk-per-minute", "2", "tcm.rate-limit.auth-failures-per-minute", "3");
        }
    }

    static io.restassured.response.ValidatableResponse importDivisions(String token) {
        // Not a CSV the import accepts: the limit is spent before the body is read, and nothing is written.
        return given().auth().oauth2(token).contentType("text/csv").body("no,such\ncolumns,here\n")
                .post("/api/v1/divisions/import").then();
    }

    @Test
    @Order(1)
    void aCallerGetsTwoBulkCallsAMinuteAndAnotherCallerIsNotHeldUp() {
        String guangxi = TestTokens.token("45", "province-admin");
        importDivisions(guangxi).statusCode(400);
        importDivisions(guangxi).statusCode(400);
        // 2 a minute: the third waits for a token, 60 s / 2 = 30 s at most.
        importDivisions(guangxi).statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("/problems/too-many-requests")).header("Retry-After", notNullValue());
        importDivisions(TestTokens.token("15", "province-admin")).statusCode(400);
        // A read is not a bulk operation.
        given().auth().oauth2(guangxi).get("/api/v1/institutions?limit=1").then().statusCode(200);
    }

    @Test
    @Order(2)
    void anAddressSendingBadTokensIsTurnedAwayBeforeAuthentication() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2("not-a-token").get("/api/v1/divisions/4509").then().statusCode(401);
        }
        // Three failures spent the address's minute: even a valid token from it now waits.
        given().auth().oauth2(TestTokens.token("4509", "city-admin")).get("/api/v1/divisions/4509").then()
                .statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("/problems/too-many-requests")).header("Retry-After", notNullValue());
    }
}
