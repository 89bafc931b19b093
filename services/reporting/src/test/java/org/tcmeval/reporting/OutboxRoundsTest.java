package org.tcmeval.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tcmeval.support.outbox.OutboxRelay;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TopicReader;

/**
 * The relay reads its next round while the current one waits for its acks: a backlog of many small
 * rounds (4 rows each) still reaches Kafka with every key's events in the order they were written.
 */
@QuarkusTest
@TestProfile(OutboxRoundsTest.SmallRounds.class)
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class OutboxRoundsTest {

    public static class SmallRounds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tcm.outbox.batch-size", "4", "tcm.report-jobs.run", "false");
        }
    }

    private static final String TOPIC = "outbox-rounds-test";

    @Inject
    AgroalDataSource database;

    @Inject
    OutboxRelay relay;

    @Test
    void overlappedRoundsKeepEachKeysOrder() throws Exception {
        List<String> keys = List.of("a-" + UUID.randomUUID(), "b-" + UUID.randomUUID(), "c-" + UUID.randomUUID());
        int perKey = 13;
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into outbox_event (id, topic, record_key, payload) values (cast(? as uuid), ?, ?, ?)")) {
            for (int n = 1; n <= perKey; n++) {
                for (String key : keys) {
                    s.setString(1, UUID.randomUUID().toString());
                    s.setString(2, TOPIC);
                    s.setString(3, key);
                    s.setString(4, String.valueOf(n));
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
        relay.kick();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(keys) == 0);
        Map<String, List<Integer>> received = new LinkedHashMap<>();
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), TOPIC)) {
            for (ConsumerRecord<String, String> r : reader.drain(Duration.ofSeconds(2))) {
                received.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Integer.parseInt(r.value()));
            }
        }
        List<Integer> inOrder = new ArrayList<>();
        for (int n = 1; n <= perKey; n++) {
            inOrder.add(n);
        }
        assertThat(received).containsOnlyKeys(keys);
        keys.forEach(key -> assertThat(received.get(key)).as(key).isEqualTo(inOrder));
    }

    private long unpublished(List<String> keys) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from outbox_event where record_key = any(?)")) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
