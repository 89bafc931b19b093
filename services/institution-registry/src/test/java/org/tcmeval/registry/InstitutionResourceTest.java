package org.tcmeval.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.Topics;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.Management;
import org.tcmeval.testing.OpenApiContract;
import org.tcmeval.testing.TestTokens;
import org.tcmeval.testing.TopicReader;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class InstitutionResourceTest {

    static final String YULIN_ADMIN = Fixtures.YULIN_ADMIN;
    static final String RONG_READER = TestTokens.token("450921", "dashboard-reader");

    @TestHTTPResource(value = "/", management = true)
    URL management;

    static Map<String, Object> thc(String name, String uscc) {
        return Map.of("name", name, "type", "THC", "divisionCode", "450902100", "uscc", uscc, "openedOn", "1998-06-01");
    }

    @BeforeEach
    void divisionsExist() {
        Fixtures.demo();
    }

    @Test
    void registersATownshipHealthCentreAndPublishesItThroughTheOutbox() {
        String code = Fixtures.freshUscc("450902");
        String id = given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON)
                .body(thc("玉州区仁东镇卫生院", code))
                .post("/api/v1/institutions")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", "\"0\"")
                .body("countyCode", equalTo("450902"))
                .body("status", equalTo("OPERATING"))
                .body("revision", equalTo(0))
                .extract().path("id");
        given().auth().oauth2(YULIN_ADMIN).get("/api/v1/institutions/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").body("uscc", equalTo(code)).body("name", equalTo("玉州区仁东镇卫生院"));

        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.INSTITUTION_CHANGED)) {
            var record = reader.await(r -> id.equals(r.key()), Duration.ofSeconds(60));
            InstitutionChanged event = EventJson.read(record.value(), InstitutionChanged.class).data();
            assertThat(event.name()).isEqualTo("玉州区仁东镇卫生院");
            assertThat(event.countyCode()).isEqualTo("450902");
            assertThat(event.revision()).isZero();
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOnce() {
        String key = UUID.randomUUID().toString();
        var body = thc("玉州区大塘镇卫生院", Fixtures.freshUscc("450902"));
        String first = given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/institutions").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("id");
        assertThat(second).isEqualTo(first);
        // Without the key the same USCC is a duplicate: proof that the retry above wrote nothing.
        given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/institutions")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo("/problems/duplicate-uscc"));
        // The type resolves, against the answer's URL, to a page saying what it means and what to do.
        given().accept("text/html").get("/problems/duplicate-uscc").then().statusCode(200)
                .body(containsString("unified social credit code")).body(containsString("What to do"));
        given().accept(ContentType.JSON).get("/problems/no-such-problem").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
    }

    @Test
    void answersCarryNosniffAndAuthenticatedOnesAreNotCached() {
        given().auth().oauth2(YULIN_ADMIN).get("/api/v1/institutions?division=4509&limit=1").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        // A problem is an answer too; a page anyone may read without a token may be cached.
        given().auth().oauth2(YULIN_ADMIN).get("/api/v1/institutions/not-a-uuid").then().statusCode(anyOf(is(400), is(404)))
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().accept("text/html").get("/problems/validation").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", nullValue());
    }

    @Test
    void badInputGetsAProblemNamingTheField() {
        given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "错误机构", "type", "THC", "divisionCode", "450902", "uscc", "91350100M000100Y40"))
                .post("/api/v1/institutions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("divisionCode", "uscc"))
                .body("errors.rule", hasItems("division-level", "uscc"));
        given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).body("{\"name\": \"x\", \"type\": \"HOSPITAL\"}")
                .post("/api/v1/institutions")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        Map<String, Object> closedBeforeOpened = new HashMap<>(thc("玉州区茂林镇卫生院", Fixtures.freshUscc("450902")));
        closedBeforeOpened.put("closedOn", "1990-01-01");
        closedBeforeOpened.put("grade", "GRADE_2A");
        given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).body(closedBeforeOpened)
                .post("/api/v1/institutions").then().statusCode(400)
                .body("errors.rule", hasItem("not-before-opened-on")).body("errors.field", hasItem("closedOn"));
        Map<String, Object> village = Map.of("name", "玉州区仁东镇鹤林村卫生室", "type", "VILLAGE_CLINIC",
                "divisionCode", "450902100", "grade", "GRADE_1A");
        given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).body(village).post("/api/v1/institutions")
                .then().statusCode(400).body("errors.rule", hasItems("grade-not-applicable", "uscc-or-registration-number"));
        given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "玉州区无名镇卫生院", "type", "THC", "divisionCode", "450902999", "uscc",
                        Fixtures.freshUscc("450902")))
                .post("/api/v1/institutions").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("divisionCode")).body("errors[0].rule", equalTo("known-division"));
        given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "玉州区卫生院", "type", "THC", "divisioncode", "450902100"))
                .post("/api/v1/institutions").then().statusCode(400)
                .body("errors[0].field", equalTo("divisioncode")).body("errors[0].rule", equalTo("unknown-field"));
        given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/api/v1/institutions").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void institutionsOutsideTheCallersJurisdictionAreNotFound() {
        String id = given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON)
                .body(thc("玉州区茂林镇卫生院", Fixtures.freshUscc("450902")))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(RONG_READER).get("/api/v1/institutions/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(RONG_READER).get("/api/v1/institutions/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(YULIN_ADMIN).get("/api/v1/institutions/" + id).then().statusCode(200);
        // Registering into a division outside the jurisdiction looks exactly like an unknown division.
        given().auth().oauth2(TestTokens.token("450921", "county-reviewer")).contentType(ContentType.JSON)
                .body(thc("玉州区仁厚镇卫生院", Fixtures.freshUscc("450902"))).post("/api/v1/institutions")
                .then().statusCode(422).body("errors[0].rule", equalTo("known-division"));
    }

    @Test
    void tokensAreReallyValidated() {
        given().get("/api/v1/institutions").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired("4509", "city-admin")).get("/api/v1/institutions")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.withoutDivision("city-admin")).get("/api/v1/institutions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(RONG_READER).contentType(ContentType.JSON).body(thc("无权机构", Fixtures.freshUscc("450902")))
                .post("/api/v1/institutions").then().statusCode(403);
    }

    @Test
    void nothingIsEverDeleted() {
        given().auth().oauth2(Fixtures.GUANGXI_ADMIN).delete("/api/v1/institutions/" + UUID.randomUUID())
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void healthIsOpenAndReportsTheCompactedTopic() {
        Management.given(management).get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'compacted topics' }.status", equalTo("UP"));
    }

    /**
     * The registry only publishes (outbox), so no consumer tells readiness that the broker is gone;
     * KafkaBrokerCheck does, and it is ready again on its own once the broker is back.
     */
    @Test
    void notReadyWhileTheBrokerIsDownAndReadyAgainAfter() {
        InfraResource.withKafkaDown(() -> await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Management.given(management).get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'kafka broker' }.status", equalTo("DOWN"))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Management.given(management).get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'kafka broker' }.status", equalTo("UP")));
    }

    @Test
    void committedOpenApiSpecMatchesTheCode() {
        OpenApiContract.assertCommittedSpecIsCurrent("institution-registry");
    }
}
