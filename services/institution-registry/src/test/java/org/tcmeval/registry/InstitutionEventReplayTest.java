package org.tcmeval.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.Topics;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TopicReader;

/** The compacted topic is a complete copy of the register: replaying it rebuilds the table. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class InstitutionEventReplayTest {

    @Test
    void theTopicIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, InfraResource.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.INSTITUTION_CHANGED);
            String policy = admin.describeConfigs(Set.of(topic)).all().get().get(topic).get("cleanup.policy").value();
            assertThat(policy).isEqualTo("compact");
        }
    }

    @Test
    void replayingTheTopicFromTheStartRebuildsEveryInstitution() throws Exception {
        Fixtures.demo();
        // Some institutions with several revisions, so that folding has to keep the newest.
        String id = given().auth().oauth2(Fixtures.YULIN_ADMIN).queryParam("division", "450902101").queryParam("limit", "1")
                .get("/api/v1/institutions").then().statusCode(200).extract().path("items[0].id");
        for (int revision = 0; revision < 2; revision++) {
            String etag = given().auth().oauth2(Fixtures.YULIN_ADMIN).get("/api/v1/institutions/" + id).then()
                    .extract().header("ETag");
            given().auth().oauth2(Fixtures.YULIN_ADMIN).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", etag)
                    .body("{\"name\": \"玉州区重放测试卫生室" + revision + "\"}").patch("/api/v1/institutions/" + id)
                    .then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> count("select count(*) from outbox_event") == 0);
        Map<String, InstitutionChanged> table = table();

        Map<String, InstitutionChanged> projection = new HashMap<>();
        int records = 0;
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.INSTITUTION_CHANGED)) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (projection.size() < table.size() && Instant.now().isBefore(deadline)) {
                List<ConsumerRecord<String, String>> seen = reader.drain(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> r : seen.subList(records, seen.size())) {
                    InstitutionChanged e = EventJson.read(r.value(), InstitutionChanged.class).data();
                    assertThat(e.institutionId()).isEqualTo(r.key());
                    projection.merge(r.key(), e, (a, b) -> b.revision() >= a.revision() ? b : a);
                }
                records = seen.size();
            }
        }
        assertThat(records).as("every revision was published").isGreaterThan(table.size());
        assertThat(projection).hasSameSizeAs(table);
        assertThat(projection.get(id).revision()).isGreaterThanOrEqualTo(2);
        assertThat(projection).isEqualTo(table);
    }

    static long count(String sql) throws Exception {
        try (var c = Fixtures.jdbc(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, InstitutionChanged> table() throws Exception {
        Map<String, InstitutionChanged> rows = new HashMap<>();
        try (var c = Fixtures.jdbc(); ResultSet rs = c.createStatement().executeQuery("select id, revision, name, type, "
                + "division_code, county_code, opened_on, closed_on, uscc, registration_number, ownership, grade, "
                + "ethnic_medicine from institution")) {
            while (rs.next()) {
                Date opened = rs.getDate(7);
                Date closed = rs.getDate(8);
                rows.put(rs.getString(1), new InstitutionChanged(rs.getString(1), rs.getLong(2), rs.getString(3),
                        org.tcmeval.targets.InstitutionType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        opened == null ? null : opened.toLocalDate(), closed == null ? null : closed.toLocalDate(),
                        rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12) == null ? null : org.tcmeval.targets.HospitalGrade.valueOf(rs.getString(12)),
                        rs.getString(13)));
            }
        }
        return rows;
    }
}
