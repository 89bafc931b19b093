package org.tcmeval.reporting.deadletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.Topics;
import org.tcmeval.reporting.technique.TechniqueCheck;
import org.tcmeval.reporting.technique.TechniqueDirectory;
import org.tcmeval.reporting.technique.TechniqueDirectoryTest;
import org.tcmeval.support.deadletter.DeadLetters;
import org.tcmeval.support.security.Roles;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.Management;
import org.tcmeval.testing.TestTokens;
import org.tcmeval.testing.TopicWriter;

/**
 * A poison record on a real topic is kept as a dead letter and the records after it still apply; an
 * outage is waited out and dead-letters nothing; an administrator lists, replays and discards.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
public class DeadLetterTest {

    static final String ADMIN = TestTokens.token("45", Roles.PROVINCE_ADMIN);
    static final String REVIEWER = TestTokens.token("450921", Roles.COUNTY_REVIEWER);

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    DeadLetters deadLetters;

    @Inject
    FlakyHandler flaky;

    @Inject
    TechniqueDirectory directory;

    static JsonPath list(String... query) {
        var request = given().auth().oauth2(ADMIN);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> byKey(String channel, String key) {
        List<Map<String, Object>> items = list("channel", channel, "status", "ALL", "limit", "500").getList("items");
        return items.stream().filter(i -> key.equals(i.get("key"))).findFirst().orElse(null);
    }

    double gauge(String channel) {
        String metrics = Management.given(management).get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^tcm_dead_letters_open\\{channel=\"" + Pattern.quote(channel) + "\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    /** Offsets of the made-up test-topic, distinct in every run. */
    static final AtomicLong OFFSETS = new AtomicLong(System.currentTimeMillis());

    void guard(String key, String payload) {
        long offset = OFFSETS.incrementAndGet();
        try {
            VertxContextSupport.subscribeAndAwait(() -> deadLetters.guard(FlakyHandler.CHANNEL, "test-topic", 0, offset,
                    key, payload, () -> flaky.handle(key, payload)));
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    @Test
    void aPoisonRecordIsKeptAndTheRecordsAfterItStillApply() {
        String key = "00/POISON_" + UUID.randomUUID();
        TopicWriter.sendRaw(Topics.TECHNIQUE_CHANGED, key, "not json {\"a\": 1");
        TechniqueDirectoryTest.publish("00", "AFTER_POISON", 1, "其他类", TechniqueDirectoryTest.item("AFTER_POISON_1",
                "毒后"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try {
                TechniqueCheck c = VertxContextSupport.subscribeAndAwait(() -> directory.check("130102",
                        List.of("AFTER_POISON_1")));
                return c.errors().isEmpty();
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        });

        Map<String, Object> letter = byKey("technique-changed", key);
        assertThat(letter).isNotNull();
        assertThat(letter.get("status")).isEqualTo("OPEN");
        assertThat(letter.get("topic")).isEqualTo(Topics.TECHNIQUE_CHANGED);
        assertThat(letter.get("payload")).isEqualTo("not json {\"a\": 1");
        assertThat(letter.get("errorClass")).isEqualTo("java.io.UncheckedIOException");
        assertThat((String) letter.get("errorMessage")).contains("JsonParseException");
        assertThat(letter.get("attempts")).isEqualTo(1);
        int open = list("channel", "technique-changed").getList("items").size();
        assertThat(open).isGreaterThanOrEqualTo(1);
        assertThat(gauge("technique-changed")).isEqualTo(open);
        Management.given(management).get("/q/health/group/dead-letters").then().statusCode(503).body("status", equalTo("DOWN"));
        Management.given(management).get("/q/health/ready").then().body("checks.find { it.name == 'dead-letters' }.status", equalTo("UP"));

        // Still malformed: the replay fails, says why, and leaves it open with one more attempt.
        String id = (String) letter.get("id");
        given().auth().oauth2(ADMIN).post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/dead-letter-replay-failed"));
        assertThat(byKey("technique-changed", key)).containsEntry("status", "OPEN").containsEntry("attempts", 2);

        given().auth().oauth2(ADMIN).post("/api/v1/dead-letters/" + id + "/discard").then().statusCode(200)
                .body("status", equalTo("DISCARDED")).body("resolvedBy", equalTo("user-45"));
        assertThat(gauge("technique-changed")).isEqualTo(open - 1);
        given().auth().oauth2(ADMIN).post("/api/v1/dead-letters/" + id + "/discard").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(409);
    }

    @Test
    void aTransientFailureIsWaitedOutAndDeadLettersNothing() {
        String key = "transient-" + UUID.randomUUID();
        int before = flaky.calls();
        guard(key, "refused:" + (before + 2));
        assertThat(flaky.calls() - before).isEqualTo(3);
        assertThat(flaky.applied(key)).isTrue();
        assertThat(byKey(FlakyHandler.CHANNEL, key)).isNull();
    }

    @Test
    void aDeadLetterIsReplayedOnceWhatItNeedsExists() {
        String key = "needs-" + UUID.randomUUID();
        String thing = "institution-" + UUID.randomUUID();
        guard(key, "needs:" + thing);
        Map<String, Object> letter = byKey(FlakyHandler.CHANNEL, key);
        assertThat(letter).containsEntry("status", "OPEN").containsEntry("errorClass", "java.lang.IllegalStateException");
        assertThat(flaky.applied(key)).isFalse();

        flaky.create(thing);
        given().auth().oauth2(ADMIN).post("/api/v1/dead-letters/" + letter.get("id") + "/replay").then().statusCode(200)
                .body("status", equalTo("REPLAYED")).body("replayedAt", org.hamcrest.Matchers.notNullValue());
        assertThat(flaky.applied(key)).isTrue();
        given().auth().oauth2(ADMIN).get("/api/v1/dead-letters/" + letter.get("id")).then().statusCode(200)
                .body("status", equalTo("REPLAYED")).body("payload", equalTo("needs:" + thing));
    }

    @Test
    void onlyProvinceAdministratorsSeeDeadLettersAndBadParametersAreProblems() {
        given().auth().oauth2(REVIEWER).get("/api/v1/dead-letters").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/dead-letters").then().statusCode(401);
        given().auth().oauth2(ADMIN).queryParam("status", "LOST").get("/api/v1/dead-letters").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().auth().oauth2(ADMIN).queryParam("limit", "0").get("/api/v1/dead-letters").then().statusCode(400);
        given().auth().oauth2(ADMIN).queryParam("cursor", "nonsense").get("/api/v1/dead-letters").then().statusCode(400);
        given().auth().oauth2(ADMIN).post("/api/v1/dead-letters/" + UUID.randomUUID() + "/replay").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void pagesFollowOneAnotherWithoutRepeats() {
        for (int i = 0; i < 3; i++) {
            guard("page-" + UUID.randomUUID(), "needs:never-" + i);
        }
        JsonPath first = list("channel", FlakyHandler.CHANNEL, "limit", "2");
        assertThat(first.getList("items")).hasSize(2);
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotNull();
        JsonPath second = list("channel", FlakyHandler.CHANNEL, "limit", "2", "cursor", cursor);
        assertThat(second.getList("items.id")).isNotEmpty().doesNotContainAnyElementsOf(first.getList("items.id"));
        given().auth().oauth2(ADMIN).queryParam("channel", "technique-changed").queryParam("cursor", cursor)
                .get("/api/v1/dead-letters").then().statusCode(400).body("errors[0].rule", equalTo("cursor-filters"));
    }
}
