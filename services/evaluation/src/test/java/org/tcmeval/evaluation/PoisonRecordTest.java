package org.tcmeval.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tcmeval.evaluation.EvaluationFlowTest.awaitRatio;
import static org.tcmeval.evaluation.EvaluationFlowTest.institution;
import static org.tcmeval.evaluation.EvaluationFlowTest.report;
import static org.tcmeval.evaluation.EvaluationFlowTest.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.Topics;
import org.tcmeval.support.security.Roles;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;
import org.tcmeval.testing.TopicWriter;

/**
 * A record evaluation can never apply (issue 11, finding 1), sent straight to the topic between good
 * reports: the reports around it still count, and it is kept as a dead letter an administrator
 * sees, with its error, and can discard.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class PoisonRecordTest {

    static final String ADMIN = TestTokens.token("45", Roles.PROVINCE_ADMIN);

    @BeforeAll
    static void profiles() {
        EvaluationFlowTest.catalogPublishesItsProfiles();
    }

    @Test
    void aRecordThatCanNeverBeAppliedIsADeadLetterAndTheReportsAroundItStillCount() {
        int year = 2012;
        String a = institution("450902103", 0, UUID.randomUUID().toString(), year);
        String b = institution("450902104", 0, UUID.randomUUID().toString(), year);
        String poisonKey = "poison-" + UUID.randomUUID();
        // Same key as report a, so the three records share a partition and most likely one poll.
        send(report(UUID.randomUUID().toString(), 1, a, year, 10, 3));
        TopicWriter.sendRaw(Topics.REPORT_SUBMITTED, a, "{\"type\": \"" + EventTypes.REPORT_SUBMITTED + "\", \"data\": {\"reportId\": \""
                + poisonKey + "\"}}");
        send(report(UUID.randomUUID().toString(), 1, b, year, 10, 2));
        // Both good reports count: (3 + 2) / (10 + 10) = 5 / 20 = 25% >= Guangxi's 25%: MET.
        awaitRatio("450902", year, "25", "MET");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> items = given().auth().oauth2(ADMIN).queryParam("channel", "evaluation-inputs")
                    .get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath().getList("items");
            Map<String, Object> letter = items.stream().filter(i -> a.equals(i.get("key"))).findFirst().orElse(null);
            assertThat(letter).as("the poison record as a dead letter").isNotNull();
            assertThat(letter.get("status")).isEqualTo("OPEN");
            assertThat(String.valueOf(letter.get("errorClass"))).isNotBlank();
        });
        // Replaying it fails the same way (nothing about it changed), and it stays open until discarded.
        String id = given().auth().oauth2(ADMIN).queryParam("channel", "evaluation-inputs")
                .get("/api/v1/dead-letters").then().extract().jsonPath()
                .getString("items.find { it.key == '" + a + "' }.id");
        given().auth().oauth2(ADMIN).post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).post("/api/v1/dead-letters/" + id + "/discard").then().statusCode(200);
    }
}
