package org.tcmeval.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;

/**
 * Input a client could have been told is wrong is answered 4xx problem+json naming the field and the
 * rule, bounded in size, and writes nothing; never a 500 from the database or from Jackson.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class HostileInputTest {

    static final String YULIN_ADMIN = Fixtures.YULIN_ADMIN;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeEach
    void divisionsExist() {
        Fixtures.demo();
    }

    static String institution(String name, String uscc) {
        return "{\"name\":" + name + ",\"type\":\"THC\",\"divisionCode\":\"450902100\",\"uscc\":\"" + uscc + "\"}";
    }

    static ValidatableResponse post(String json) {
        return given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/institutions").then();
    }

    static ValidatableResponse problem(ValidatableResponse r, int status, String field, String rule) {
        return r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("errors[0].field", equalTo(field)).body("errors[0].rule", equalTo(rule));
    }

    static long stored(String uscc) throws Exception {
        try (var c = Fixtures.jdbc(); var s = c.prepareStatement("select count(*) from institution where uscc = ?")) {
            s.setString(1, uscc);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A request exactly as written (RestAssured would re-encode the path or drop an empty header). */
    static HttpResponse<String> raw(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + pathAndQuery))
                .header("Authorization", "Bearer " + Fixtures.GUANGXI_ADMIN);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNulOrALoneSurrogateInAJsonStringIsA400NamingTheField() throws Exception {
        String uscc = Fixtures.freshUscc("450902");
        problem(post(institution("\"玉州区\\u0000卫生院\"", uscc)), 400, "name", "no-nul-character");
        problem(post(institution("\"玉州区\\ud800卫生院\"", uscc)), 400, "name", "no-lone-surrogate");
        assertThat(stored(uscc)).isZero();
    }

    @Test
    void aNulInAQueryOrPathParameterIsA400NamingIt() throws Exception {
        HttpResponse<String> query = raw("/api/v1/institutions?q=%00");
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(query.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(query.body()).contains("\"field\":\"q\"").contains("no-nul-character");
        HttpResponse<String> path = raw("/api/v1/divisions/45%00");
        assertThat(path.statusCode()).isEqualTo(400);
        assertThat(path.body()).contains("\"field\":\"code\"").contains("no-nul-character");
    }

    @Test
    void aDuplicateKeyIsA400NotAnEmpty500() throws Exception {
        String uscc = Fixtures.freshUscc("450902");
        problem(post("{\"name\":\"玉州区城北卫生院\",\"name\":\"x\",\"type\":\"THC\",\"divisionCode\":\"450902100\",\"uscc\":\""
                + uscc + "\"}"), 400, "name", "duplicate-key");
        assertThat(stored(uscc)).isZero();
    }

    @Test
    void anEmptyAcceptHeaderIsNoPreference() throws Exception {
        HttpResponse<String> r = raw("/api/v1/divisions/export?root=4509", "Accept", "");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("code,parentCode,level,name");
    }

    @Test
    void scalarsAreNotCoerced() throws Exception {
        String uscc = Fixtures.freshUscc("450902");
        problem(post(institution("true", uscc)), 400, "name", "type")
                .body("errors[0].message", equalTo("name must be a string, not true"));
        problem(post(institution("12", uscc)), 400, "name", "type");
        problem(post("{\"name\":\"玉州区城西卫生院\",\"type\":1,\"divisionCode\":\"450902100\",\"uscc\":\"" + uscc + "\"}"),
                400, "type", "one-of");
        assertThat(stored(uscc)).isZero();
    }

    @Test
    void jacksonsMessagesNameNoClassesAndAreBounded() {
        String huge = "X".repeat(1_000_000);
        String body = given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"玉州区卫生院\",\"type\":\"" + huge + "\",\"divisionCode\":\"450902100\"}")
                .post("/api/v1/institutions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("type")).extract().asString();
        assertThat(body.length()).isLessThan(2_000);
        assertThat(body).doesNotContain("java.").doesNotContain("org.tcmeval").doesNotContain("`");
        given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).body("{\"name\":\"a\",\"openedOn\":1E+1000000}")
                .post("/api/v1/institutions").then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("java.")));
    }

    @Test
    void aJsonBodyInAnotherCharsetIsRefused() {
        String uscc = Fixtures.freshUscc("450902");
        given().config(RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(YULIN_ADMIN).contentType("application/json; charset=UTF-16")
                .body(institution("\"玉州区城南卫生院\"", uscc).getBytes(StandardCharsets.UTF_16))
                .post("/api/v1/institutions").then().statusCode(415).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Content-Type")).body("errors[0].rule", equalTo("utf-8"));
    }

    @Test
    void onlyAccessTokensForTheServicesAreBearerTokens() {
        given().auth().oauth2(TestTokens.idToken("4509", "city-admin")).get("/api/v1/institutions").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(TestTokens.forAudience("account", "4509", "city-admin")).get("/api/v1/institutions")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/api/v1/institutions").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(TestTokens.token("4509", "city-admin")).get("/api/v1/institutions").then().statusCode(200);
    }

    @Test
    void exportedCellsCannotRunAsFormulasAndStillImportUnchanged() {
        String name = "=HYPERLINK(\"http://evil.invalid\",\"玉州区\")";
        String id = given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "THC", "divisionCode", "450902101",
                        "uscc", Fixtures.freshUscc("450902")))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        String csv = given().auth().oauth2(YULIN_ADMIN).accept("text/csv").queryParam("division", "450902101")
                .get("/api/v1/institutions/export").then().statusCode(200).extract().asString();
        String line = csv.lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow();
        assertThat(line).contains(",\"'=HYPERLINK(").doesNotContain(",\"=HYPERLINK(");
        Map<String, Object> report = Fixtures.importCsv("/api/v1/institutions/import", csv).then().statusCode(200)
                .extract().as(Map.class);
        assertThat(report.get("unchanged")).isEqualTo(report.get("rows"));
        given().auth().oauth2(YULIN_ADMIN).get("/api/v1/institutions/" + id).then().statusCode(200)
                .body("name", equalTo(name));
    }
}
