package org.tcmeval.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.Topics;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.OpenApiContract;
import org.tcmeval.testing.TestTokens;
import org.tcmeval.testing.TopicReader;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class InstitutionResourceTest {

    static final String YULIN_ADMIN = TestTokens.token("4509", "city-admin");
    static final String RONG_READER = TestTokens.token("450921", "dashboard-reader");

    static Map<String, Object> thc(String name, String uscc) {
        return Map.of("name", name, "type", "THC", "divisionCode", "450902100", "uscc", uscc, "openedOn", "1998-06-01");
    }

    static String uscc(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    @Test
    void registersATownshipHealthCentreAndPublishesItThroughTheOutbox() {
        String code = uscc("12450902MB" + String.format("%07d", Math.abs(UUID.randomUUID().hashCode() % 10_000_000)));
        String id = given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON)
                .body(thc("玉州区仁东镇卫生院", code))
                .post("/api/v1/institutions")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("countyCode", equalTo("450902"))
                .body("revision", equalTo(0))
                .extract().path("id");

        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.INSTITUTION_CHANGED)) {
            var record = reader.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            InstitutionChanged event = EventJson.read(record.value(), InstitutionChanged.class).data();
            assertThat(event.name()).isEqualTo("玉州区仁东镇卫生院");
            assertThat(event.countyCode()).isEqualTo("450902");
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOnce() {
        String key = UUID.randomUUID().toString();
        String code = uscc("12450902MB" + String.format("%07d", Math.abs(key.hashCode() % 10_000_000)));
        var body = thc("玉州区大塘镇卫生院", code);
        String first = given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/institutions").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("id");
        assertThat(second).isEqualTo(first);
        // Without the key the same USCC is a duplicate: proof that the retry above wrote nothing.
        given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/institutions")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badInputGetsAProblemNamingTheField() {
        given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "错误机构", "type", "THC", "divisionCode", "450902", "uscc", "91350100M000100Y40"))
                .post("/api/v1/institutions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("divisionCode"))
                .body("errors.field", hasItem("uscc"))
                .body("errors.rule", hasItem("division-level"));
        given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).body("{\"name\": \"x\", \"type\": \"HOSPITAL\"}")
                .post("/api/v1/institutions")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("type"));
    }

    @Test
    void institutionsOutsideTheCallersJurisdictionAreNotFound() {
        String code = uscc("12450902MC" + String.format("%07d", Math.abs(UUID.randomUUID().hashCode() % 10_000_000)));
        String id = given().auth().oauth2(YULIN_ADMIN).contentType(ContentType.JSON).body(thc("玉州区茂林镇卫生院", code))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(RONG_READER).get("/api/v1/institutions/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(YULIN_ADMIN).get("/api/v1/institutions/" + id).then().statusCode(200);
    }

    @Test
    void tokensAreReallyValidated() {
        given().get("/api/v1/institutions").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired("4509", "city-admin")).get("/api/v1/institutions")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.withoutDivision("city-admin")).get("/api/v1/institutions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(RONG_READER).contentType(ContentType.JSON).body(thc("无权机构", uscc("12450902MD0000001")))
                .post("/api/v1/institutions").then().statusCode(403);
    }

    @Test
    void healthIsOpen() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void committedOpenApiSpecMatchesTheCode() {
        OpenApiContract.assertCommittedSpecIsCurrent("institution-registry");
    }
}
