package org.tcmeval.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.events.Topics;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.OpenApiContract;
import org.tcmeval.testing.TestTokens;
import org.tcmeval.testing.TopicReader;
import org.tcmeval.testing.TopicWriter;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ReportResourceTest {

    static final String REPORTER = TestTokens.token("450902", "institution-reporter");
    static final String RONG_REPORTER = TestTokens.token("450921", "institution-reporter");

    /** Registers an institution the way the registry does: by publishing its event. */
    static String knownInstitution() {
        String id = UUID.randomUUID().toString();
        TopicWriter.send(Topics.INSTITUTION_CHANGED, id, EventEnvelope.of("/institution-registry",
                EventTypes.INSTITUTION_CHANGED, id, InstitutionChanged.VERSION, new InstitutionChanged(id, 0,
                        "玉州区仁东镇卫生院", InstitutionType.THC, "450902100", "450902", LocalDate.of(1998, 6, 1), null)));
        return id;
    }

    static Map<String, Object> report(String institutionId, int physicians, int tcm) {
        return Map.of("institutionId", institutionId, "period", "2024",
                "figures", Map.of("physicians", physicians, "tcmPhysicians", tcm));
    }

    /** Reporting learns the institution from Kafka, so the first submit may have to wait for it. */
    static String submitWhenKnown(Map<String, Object> body) {
        return submitWhenKnown(REPORTER, body);
    }

    static String submitWhenKnown(String token, Map<String, Object> body) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var r = given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/reports");
            if (r.statusCode() == 201) {
                id[0] = r.path("id");
                return true;
            }
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(422);
            return false;
        });
        return id[0];
    }

    /** Waits until reporting knows the institution (probing with a draft of its first quarter: drafts need no window). */
    static void awaitKnown(String institutionId) {
        awaitKnown(institutionId, REPORTER);
    }

    static void awaitKnown(String institutionId, String token) {
        // Any answer but 422 known-institution means reporting has the institution (a 400 means the
        // probe's figure is not on this type's form, which is only judged for a known institution).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> given().auth()
                .oauth2(token).contentType(ContentType.JSON).body(Map.of("institutionId", institutionId, "period",
                        "2024-Q1", "draft", true, "figures", Map.of("physicians", 1))).post("/api/v1/reports")
                .statusCode() != 422);
    }

    @Test
    void anAcceptedReportIsPublishedWithItsFigures() {
        String inst = knownInstitution();
        String id = submitWhenKnown(report(inst, 8, 2));
        given().auth().oauth2(REPORTER).get("/api/v1/reports/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("version", equalTo(1)).body("figures.tcmPhysicians", equalTo(2));
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.REPORT_SUBMITTED)) {
            var record = reader.await(r -> inst.equals(reporter(r)), Duration.ofSeconds(20));
            ReportSubmitted event = EventJson.read(record.value(), ReportSubmitted.class).data();
            assertThat(event.reportId()).isEqualTo(id);
            // Keyed by the report's county: the first six digits of the institution's division.
            assertThat(record.key()).hasSize(6).isEqualTo(event.divisionCode().substring(0, 6));
            assertThat(event.year()).isEqualTo(2024);
            assertThat(event.figures().get("physicians")).isEqualByComparingTo("8");
        }
    }

    @Test
    void aCorrectionIsANewVersionGuardedByIfMatch() {
        String inst = knownInstitution();
        String id = submitWhenKnown(report(inst, 8, 2));
        var corrected = Map.of("figures", Map.of("physicians", 8, "tcmPhysicians", 3));
        given().auth().oauth2(REPORTER).contentType(ContentType.JSON).body(corrected).put("/api/v1/reports/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        // Reporter and period never change; a body that names them is refused, not silently half-applied.
        given().auth().oauth2(REPORTER).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(report(inst, 8, 3)).put("/api/v1/reports/" + id).then().statusCode(400)
                .body("type", equalTo("/problems/malformed-body")).body("errors[0].rule", equalTo("unknown-field"));
        given().auth().oauth2(REPORTER).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(corrected)
                .put("/api/v1/reports/" + id).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(REPORTER).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(corrected)
                .put("/api/v1/reports/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("figures.tcmPhysicians", equalTo(3));
        given().auth().oauth2(REPORTER).contentType(ContentType.JSON).body(report(inst, 8, 3)).post("/api/v1/reports")
                .then().statusCode(409).contentType("application/problem+json");
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.REPORT_SUBMITTED)) {
            var v2 = reader.await(r -> inst.equals(reporter(r))
                    && EventJson.read(r.value(), ReportSubmitted.class).data().version() == 2, Duration.ofSeconds(20));
            assertThat(EventJson.read(v2.value(), ReportSubmitted.class).data().figures().get("tcmPhysicians"))
                    .isEqualByComparingTo("3");
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyFilesOnce() {
        String other = knownInstitution();
        String first = submitWhenKnown(report(other, 5, 1));
        // The first institution's report makes sure the projection is up; now another one twice with one key.
        String inst = knownInstitution();
        var body = report(inst, 5, 2);
        String key = UUID.randomUUID().toString();
        awaitKnown(inst);
        String a = given().auth().oauth2(REPORTER).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/reports").then().statusCode(201).header("ETag", "\"1\"").extract().path("id");
        String b = given().auth().oauth2(REPORTER).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/reports").then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("ETag", "\"1\"").extract().path("id");
        assertThat(b).isEqualTo(a).isNotEqualTo(first);
    }

    @Test
    void badFiguresAreRejectedNamingTheFieldAndRule() {
        String inst = knownInstitution();
        // The form depends on the institution's type, so figures are judged once reporting knows it.
        awaitKnown(inst);
        given().auth().oauth2(REPORTER).contentType(ContentType.JSON).body(report(inst, 8, 9)).post("/api/v1/reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("figures.tcmPhysicians")).body("errors.rule", hasItem("at-most-physicians"));
        given().auth().oauth2(REPORTER).contentType(ContentType.JSON)
                .body("{\"institutionId\": \"not-a-uuid\", \"period\": \"2024\", \"figures\": {\"physicians\": 1}}")
                .post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("institutionId"));
        given().auth().oauth2(REPORTER).contentType(ContentType.TEXT).body("physicians=8").post("/api/v1/reports")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void anotherCountysReporterCanNeitherFileNorRead() {
        String inst = knownInstitution();
        String id = submitWhenKnown(report(inst, 4, 1));
        given().auth().oauth2(RONG_REPORTER).contentType(ContentType.JSON).body(Map.of("institutionId", inst,
                "period", "2023", "figures", Map.of("physicians", 1))).post("/api/v1/reports")
                .then().statusCode(422).body("errors[0].field", equalTo("institutionId"));
        given().auth().oauth2(RONG_REPORTER).get("/api/v1/reports/" + id).then().statusCode(404);
    }

    @Test
    void aReportAcceptedWhileTheBrokerIsDownIsPublishedWhenItIsBack() {
        submitWhenKnown(report(knownInstitution(), 6, 1));
        // That report proves the projection is current; this institution's event is published before the outage.
        String inst = knownInstitution();
        awaitKnown(inst);
        var body = report(inst, 6, 2);
        String[] id = new String[1];
        InfraResource.withKafkaDown(() -> id[0] = given().auth().oauth2(REPORTER).contentType(ContentType.JSON)
                .body(body).post("/api/v1/reports").then().statusCode(201).extract().path("id"));
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.REPORT_SUBMITTED)) {
            reader.await(r -> EventJson.read(r.value(), ReportSubmitted.class).data().reportId().equals(id[0]),
                    Duration.ofSeconds(60));
        }
    }

    @Test
    void committedOpenApiSpecMatchesTheCode() {
        OpenApiContract.assertCommittedSpecIsCurrent("reporting");
    }
    /** The reporter an event is about (the record key is the report's county, not the reporter). */
    static String reporter(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r) {
        return EventJson.read(r.value(), ReportSubmitted.class).data().reporterId();
    }

}
