package org.tcmeval.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.tcmeval.catalog.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;

/**
 * Catalog reads and writes refuse what they cannot honour with a bounded 4xx problem naming the
 * field: ID tokens, bad query parameters, duplicate keys, NUL characters, numbers beyond reason.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class HostileInputTest {

    @Test
    void anIdTokenIsNotABearerToken() {
        given().auth().oauth2(TestTokens.idToken("450921", "county-reviewer")).get("/api/v1/indicators").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(TestTokens.idToken("450921", "county-reviewer")).get("/api/v1/profiles/guangxi-2022")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(TestTokens.forAudience("account", "450921", "county-reviewer"))
                .get("/api/v1/indicators").then().statusCode(401);
        given().auth().oauth2(Api.READER).get("/api/v1/indicators").then().statusCode(200);
    }

    @Test
    void anUnconvertibleQueryParameterIsA400NamingIt() {
        as(Api.READER).queryParam("division", "450921").queryParam("year", "abc").get("/api/v1/effective-targets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("year")).body("errors[0].rule", equalTo("type"))
                .body("detail", containsString("whole number"));
        as(Api.READER).queryParam("year", "20x5").get("/api/v1/profiles/guangxi-2022").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        // A path that names nothing is still not found.
        as(Api.READER).get("/api/v1/profiles/no-such-profile").then().statusCode(404);
    }

    @Test
    void aDuplicateKeyInARecordBodyIsA400() {
        as(Api.GUANGXI_ADMIN).body("{\"id\":\"fangchenggang-2025\",\"id\":\"x\",\"divisionCode\":\"4506\","
                        + "\"parentId\":\"guangxi-2022\",\"effectiveFrom\":2025}")
                .post("/api/v1/profiles").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id")).body("errors[0].rule", equalTo("duplicate-key"));
        as(Api.READER).get("/api/v1/profiles/fangchenggang-2025").then().statusCode(404);
    }

    @Test
    void aNulInAPathIdIsA400() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + RestAssured.port + "/api/v1/profiles/guangxi%00")).header("Authorization", "Bearer " + Api.READER)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"id\"").contains("no-nul-character");
    }

    @Test
    void aNumberThatWouldPrintAsAMillionDigitsIsRefusedBriefly() {
        String body = as(Api.GUANGXI_ADMIN).queryParam("effectiveFrom", 2025)
                .body("{\"comparator\":\"AT_LEAST\",\"threshold\":1E+1000000,\"source\":{\"document\":\"x\","
                        + "\"location\":\"y\"}}")
                .put("/api/v1/profiles/guangxi-2022/targets/TCM_GP_DENSITY").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("threshold"))
                .body("errors[0].rule", equalTo("magnitude")).extract().asString();
        assertThat(body.length()).isLessThan(1_000);
    }

    @Test
    void aBodyAboveTheHttpLimitIsA413Problem() throws Exception {
        // Expect: 100-continue, so the client hears the refusal before it sends 11 MB.
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/profiles"))
                .expectContinue(true)
                .header("Authorization", "Bearer " + Api.GUANGXI_ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[11 * 1024 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"status\":413").contains("payload-too-large");
    }
}
