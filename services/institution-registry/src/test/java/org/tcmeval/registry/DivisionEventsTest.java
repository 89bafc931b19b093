package org.tcmeval.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcmeval.registry.DivisionImportTest.importCsv;
import static org.tcmeval.registry.DivisionResourceTest.put;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.DivisionChanged;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.Topics;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TopicReader;
import org.tcmeval.testing.TestTokens;

/**
 * Every division create and change reaches the outbox as {@code division-changed} with the full
 * population by year, in Yunnan (53), which no other test writes: 昆明市 5301 and 五华区 530102
 * kept with PUT, 曲靖市 5303 and 麒麟区 530302 imported.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class DivisionEventsTest {

    static final String YUNNAN_ADMIN = TestTokens.token("53", "province-admin");

    /**
     * The division-changed events published for {@code code}, oldest first: once the outbox has sent
     * them all (it deletes what Kafka acknowledged), read from the topic, where one key keeps its order.
     */
    static List<EventEnvelope<DivisionChanged>> events(String code) throws Exception {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            try (var c = Fixtures.jdbc(); var s = c.prepareStatement("select count(*) from outbox_event where topic = ?")) {
                s.setString(1, Topics.DIVISION_CHANGED);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() && rs.getLong(1) == 0;
                }
            }
        });
        List<EventEnvelope<DivisionChanged>> seen = new ArrayList<>();
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.DIVISION_CHANGED)) {
            for (var r : reader.readToEnd(java.time.Duration.ofSeconds(30))) {
                if (code.equals(r.key())) {
                    seen.add(EventJson.read(r.value(), DivisionChanged.class));
                }
            }
        }
        return seen;
    }

    static TreeMap<Integer, Long> population(Object... yearResidents) {
        TreeMap<Integer, Long> m = new TreeMap<>();
        for (int i = 0; i < yearResidents.length; i += 2) {
            m.put((Integer) yearResidents[i], ((Number) yearResidents[i + 1]).longValue());
        }
        return m;
    }

    /** Created by whichever test runs first; the same state afterwards. */
    static void province() {
        put(YUNNAN_ADMIN, "53", "{\"name\": \"云南省\", \"levelLabel\": \"省\", \"population\": {\"2024\": 46730000}}")
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void aCreateAndEveryChangeEnqueueTheFullStateAndARetriedPutEnqueuesNothing() throws Exception {
        province();
        put(YUNNAN_ADMIN, "5301", "{\"name\": \"昆明市\", \"levelLabel\": \"地级市\"}").statusCode(201);
        String wuhua = "{\"name\": \"五华区\", \"levelLabel\": \"市辖区\", \"population\": {\"2023\": 1150000, \"2024\": 1162000}}";
        put(YUNNAN_ADMIN, "530102", wuhua).statusCode(201);
        put(YUNNAN_ADMIN, "530102", wuhua).statusCode(200);   // the same state again: no revision, no event

        var created = events("530102");
        assertThat(created).hasSize(1);
        EventEnvelope<DivisionChanged> e = created.get(0);
        assertThat(e.type()).isEqualTo(EventTypes.DIVISION_CHANGED);
        assertThat(e.subject()).isEqualTo("530102");
        assertThat(e.source()).isEqualTo("/institution-registry");
        assertThat(e.data()).isEqualTo(new DivisionChanged("530102", 0, "五华区", "COUNTY", "5301", "市辖区",
                population(2023, 1_150_000, 2024, 1_162_000)));
        // A division registered without a population says so with an empty map.
        assertThat(events("5301")).singleElement().satisfies(c -> assertThat(c.data().population()).isEmpty());
        assertThat(events("53")).singleElement()
                .satisfies(c -> assertThat(c.data().population()).isEqualTo(population(2024, 46_730_000)));

        // 2024 corrected, 2022 added: the event carries every year, not only the changed ones.
        put(YUNNAN_ADMIN, "530102", "{\"name\": \"五华区\", \"levelLabel\": \"市辖区\", \"population\": "
                + "{\"2022\": 1141000, \"2023\": 1150000, \"2024\": 1165000}}").statusCode(200);
        var changed = events("530102");
        assertThat(changed).hasSize(2);
        assertThat(changed.get(1).data().revision()).isEqualTo(1);
        assertThat(changed.get(1).data().population())
                .isEqualTo(population(2022, 1_141_000, 2023, 1_150_000, 2024, 1_165_000));
    }

    @Test
    void anImportEnqueuesCreatedAndChangedDivisionsOnlyAndAReimportEnqueuesNothing() throws Exception {
        province();
        put(YUNNAN_ADMIN, "5303", "{\"name\": \"曲靖市\", \"levelLabel\": \"地级市\"}").statusCode(201);
        String header = "code,parentCode,level,name,levelLabel,population.2024\r\n";
        // 麒麟区 is new; 曲靖市 gains its 2024 population; 云南省 is as stored.
        String csv = header + "530302,5303,COUNTY,麒麟区,市辖区,872000\r\n" + "5303,53,CITY,曲靖市,地级市,5760000\r\n"
                + "53,,PROVINCE,云南省,省,46730000\r\n";
        int provinceBefore = events("53").size();
        int cityBefore = events("5303").size();
        importCsv(YUNNAN_ADMIN, Fixtures.CSV, csv.getBytes(StandardCharsets.UTF_8)).statusCode(200);

        assertThat(events("530302")).singleElement().satisfies(c -> assertThat(c.data())
                .isEqualTo(new DivisionChanged("530302", 0, "麒麟区", "COUNTY", "5303", "市辖区", population(2024, 872_000))));
        var city = events("5303");
        assertThat(city).hasSize(cityBefore + 1);
        assertThat(city.get(city.size() - 1).data().population()).isEqualTo(population(2024, 5_760_000));
        assertThat(city.get(city.size() - 1).data().revision()).isEqualTo(city.get(city.size() - 2).data().revision() + 1);
        assertThat(events("53")).hasSize(provinceBefore);

        importCsv(YUNNAN_ADMIN, Fixtures.CSV, csv.getBytes(StandardCharsets.UTF_8)).statusCode(200);
        assertThat(events("530302")).hasSize(1);
        assertThat(events("5303")).hasSize(cityBefore + 1);
    }

    @Test
    void theTopicIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, InfraResource.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DIVISION_CHANGED);
            String policy = admin.describeConfigs(Set.of(topic)).all().get().get(topic).get("cleanup.policy").value();
            assertThat(policy).isEqualTo("compact");
        }
    }
}
