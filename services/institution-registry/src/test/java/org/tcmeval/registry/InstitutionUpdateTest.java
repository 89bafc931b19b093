package org.tcmeval.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;

/** Changes with If-Match, closing without deleting, and the history of every change. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class InstitutionUpdateTest {

    static final String YULIN = Fixtures.YULIN_ADMIN;

    @BeforeEach
    void divisionsExist() {
        Fixtures.demo();
    }

    static String register(String name) {
        return given().auth().oauth2(YULIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "THC", "divisionCode", "450902101", "uscc", Fixtures.freshUscc("450902"),
                        "registrationNumber", "PDY" + System.nanoTime() % 1_000_000_000L, "openedOn", "1998-06-01"))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse patch(String id, String ifMatch, String body) {
        var request = given().auth().oauth2(YULIN).contentType("application/merge-patch+json; charset=UTF-8").body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch("/api/v1/institutions/" + id).then();
    }

    @Test
    void changesNeedTheCurrentEtagAndEveryRevisionIsInTheHistory() {
        String id = register("玉州区仁厚镇卫生院");
        given().auth().oauth2(YULIN).get("/api/v1/institutions/" + id).then().statusCode(200).header("ETag", "\"0\"");

        patch(id, null, "{\"name\": \"玉州区仁厚镇中心卫生院\"}").statusCode(428).contentType("application/problem+json");
        patch(id, "\"7\"", "{\"name\": \"玉州区仁厚镇中心卫生院\"}").statusCode(412).contentType("application/problem+json");
        patch(id, "\"0\"", "{\"name\": \"玉州区仁厚镇中心卫生院\", \"grade\": \"GRADE_1A\"}").statusCode(200)
                .header("ETag", "\"1\"").body("revision", equalTo(1)).body("name", equalTo("玉州区仁厚镇中心卫生院"));
        // The same ETag again is a lost update in the making.
        patch(id, "\"0\"", "{\"name\": \"玉州区仁厚镇卫生院\"}").statusCode(412);
        // A patch that changes nothing keeps the revision.
        patch(id, "\"1\"", "{\"grade\": \"GRADE_1A\"}").statusCode(200).header("ETag", "\"1\"");

        patch(id, "\"1\"", "{\"closedOn\": \"1990-01-01\"}").statusCode(400)
                .body("errors[0].field", equalTo("closedOn")).body("errors[0].rule", equalTo("not-before-opened-on"));
        patch(id, "\"1\"", "{\"closedOn\": \"2020-12-31\"}").statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("CLOSED"));
        // Closed is not gone: it is still readable, and can be reopened.
        given().auth().oauth2(YULIN).get("/api/v1/institutions/" + id).then().statusCode(200).body("status", equalTo("CLOSED"));
        patch(id, "\"2\"", "{\"closedOn\": null}").statusCode(200).header("ETag", "\"3\"").body("status", equalTo("OPERATING"));

        given().auth().oauth2(YULIN).get("/api/v1/institutions/" + id + "/history").then().statusCode(200)
                .body("revision", contains(0, 1, 2, 3))
                .body("action", contains("CREATED", "UPDATED", "CLOSED", "REOPENED"))
                .body("changedBy", contains("user-4509", "user-4509", "user-4509", "user-4509"))
                .body("[1].changes.field", contains("name", "grade"))
                .body("[1].changes[0].old", equalTo("玉州区仁厚镇卫生院"))
                .body("[1].changes[0].new", equalTo("玉州区仁厚镇中心卫生院"))
                .body("[1].changes[1].old", nullValue())
                .body("[2].changes[0].new", equalTo("2020-12-31"))
                .body("[0].changes.find { it.field == 'divisionCode' }.new", equalTo("450902101"));
    }

    @Test
    void putReplacesEveryFieldAndChecksTheDivisionAndIdentifiers() {
        String id = register("玉州区大塘镇卫生院");
        String other = register("玉州区茂林镇卫生院");
        String otherUscc = given().auth().oauth2(YULIN).get("/api/v1/institutions/" + other).then().extract().path("uscc");
        String uscc = given().auth().oauth2(YULIN).get("/api/v1/institutions/" + id).then().extract().path("uscc");
        Map<String, Object> body = Map.of("name", "玉州区大塘镇卫生院", "type", "THC", "divisionCode", "450902102",
                "uscc", uscc, "ownership", "PUBLIC");
        given().auth().oauth2(YULIN).contentType(ContentType.JSON).body(body).put("/api/v1/institutions/" + id).then()
                .statusCode(428);
        given().auth().oauth2(YULIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/institutions/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("divisionCode", equalTo("450902102")).body("registrationNumber", nullValue())
                .body("openedOn", nullValue()).body("ownership", equalTo("PUBLIC"));

        patch(id, "\"1\"", "{\"divisionCode\": \"450902999\"}").statusCode(422).body("errors[0].rule", equalTo("known-division"));
        patch(id, "\"1\"", "{\"divisionCode\": \"450702100\"}").statusCode(422).body("errors[0].rule", equalTo("known-division"));
        patch(id, "\"1\"", "{\"divisionCode\": \"450902\"}").statusCode(400).body("errors[0].rule", equalTo("division-level"));
        patch(id, "\"1\"", "{\"uscc\": \"" + otherUscc + "\"}").statusCode(409).contentType("application/problem+json");
        patch(id, "\"1\"", "{\"hospital\": true}").statusCode(400).body("errors[0].rule", equalTo("unknown-field"));
        patch(id, "\"1\"", "{\"type\": \"HOSPITAL\"}").statusCode(400).body("errors[0].field", equalTo("type"));
        patch(id, "\"1\"", "{\"name\": \"\"}").statusCode(400).body("errors[0].field", equalTo("name"));
        patch(id, "\"x\"", "{\"name\": \"新名\"}").statusCode(400).body("errors[0].field", equalTo("If-Match"));
        // The current revision, but weak: If-Match compares strongly (RFC 9110 §13.1.1), so it never matches.
        patch(id, "W/\"1\"", "{\"name\": \"新名\"}").statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("/problems/revision-mismatch"));
        given().auth().oauth2(YULIN).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("[1]")
                .patch("/api/v1/institutions/" + id).then().statusCode(400);
        given().auth().oauth2(YULIN).get("/api/v1/institutions/" + id).then().header("ETag", "\"1\"");
    }

    @Test
    void ofTwoConcurrentChangesWithTheSameEtagOneWins() {
        String id = register("玉州区仁东镇卫生院");
        List<CompletableFuture<Integer>> attempts = List.of("甲", "乙", "丙").stream()
                .map(suffix -> CompletableFuture.supplyAsync(() -> patch(id, "\"0\"", "{\"name\": \"玉州区仁东镇卫生院"
                        + suffix + "\"}").extract().statusCode()))
                .toList();
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 412, 412);
        given().auth().oauth2(YULIN).get("/api/v1/institutions/" + id + "/history").then().body("revision", contains(0, 1));
    }

    @Test
    void outsideTheJurisdictionNothingCanBeReadOrChanged() {
        String id = register("玉州区城北卫生院");
        String qinzhou = TestTokens.token("4507", "city-admin");
        given().auth().oauth2(qinzhou).get("/api/v1/institutions/" + id + "/history").then().statusCode(404);
        given().auth().oauth2(qinzhou).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"0\"")
                .body("{\"name\": \"x\"}").patch("/api/v1/institutions/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("4509", "dashboard-reader")).contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", "\"0\"").body("{\"name\": \"x\"}").patch("/api/v1/institutions/" + id).then()
                .statusCode(403);
    }
}
