package org.tcmeval.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcmeval.catalog.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.tcmeval.catalog.service.CatalogSeeder;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.TargetProfileChanged;
import org.tcmeval.events.TargetSpec;
import org.tcmeval.events.Topics;
import org.tcmeval.targets.TargetProfile;
import org.tcmeval.targets.TargetResolver;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TopicReader;

/**
 * What a consumer such as evaluation sees: the compacted {@code catalog-changed} topic, replayed
 * from the start, rebuilds exactly the profiles and revisions the catalog holds, and resolves the
 * same effective targets.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ReplayTest {

    @Inject
    CatalogSeeder seeder;

    @Inject
    Vertx vertx;

    /** One revision as both sides can state it: parent, year, and each target's decisive numbers. */
    record Row(int revision, int effectiveFrom, String parentId, Map<String, String> targets) {
    }

    @Test
    void replayingTheTopicRebuildsEveryProfileAndRevision() throws Exception {
        // 河池 4512 gets two revisions of its own, so the replay has history to rebuild, not only seeds.
        Api.ensureProfile(Api.GUANGXI_ADMIN, "hechi-2025", "4512", "guangxi-2022", 2025);
        Api.current(Api.GUANGXI_ADMIN, "hechi-2025").queryParam("effectiveFrom", 2027)
                .body(Api.target("AT_LEAST", 12, "河池市基层中医药服务能力提升方案", "附表 第9项"))
                .put("/api/v1/profiles/hechi-2025/targets/TCM_CORNER").then().statusCode(200);

        Map<String, List<Row>> stored = fromApi();
        Map<String, TargetProfileChanged> replayed = replay(stored);

        assertThat(replayed.keySet()).isEqualTo(stored.keySet());
        for (var e : replayed.entrySet()) {
            List<Row> rows = e.getValue().revisions().stream().map(r -> new Row(r.revision(), r.effectiveFrom(),
                    r.parentId(), digest(r.targets()))).toList();
            assertThat(rows).as(e.getKey()).isEqualTo(stored.get(e.getKey()));
        }
        // The replayed profiles resolve the same targets as the service, year by year.
        for (var query : List.of(Map.entry("450902", 2025), Map.entry("150121", 2026), Map.entry("330206001", 2023),
                Map.entry("451202", 2026), Map.entry("451202", 2027), Map.entry("450921", 2024))) {
            assertThat(resolve(replayed, query.getKey(), query.getValue())).as(query.toString())
                    .isEqualTo(fromService(query.getKey(), query.getValue()));
        }
        assertThat(cleanupPolicy(Topics.CATALOG_CHANGED)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(cleanupPolicy(Topics.TECHNIQUE_CHANGED)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    @Test
    void seedingAgainChangesNothing() throws Exception {
        Map<String, List<Row>> before = fromApi();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<Integer> added = new CompletableFuture<>();
        context.runOnContext(v -> seeder.seed().subscribe().with(added::complete, added::completeExceptionally));
        assertThat(added.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(fromApi()).isEqualTo(before);
    }

    private static Map<String, List<Row>> fromApi() {
        Map<String, List<Row>> result = new TreeMap<>();
        for (String id : as(Api.READER).get("/api/v1/profiles").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class)) {
            int count = Api.revisionCount(id);
            List<Row> rows = new java.util.ArrayList<>();
            for (int n = 1; n <= count; n++) {
                var r = Api.json(as(Api.READER).get("/api/v1/profiles/" + id + "/revisions/" + n).then().statusCode(200)
                        .extract().response());
                Map<String, String> targets = new TreeMap<>();
                for (Map<String, Object> t : r.<Map<String, Object>>getList("targets")) {
                    targets.put((String) t.get("indicatorCode"), digest((String) t.get("comparator"),
                            Api.number(t.get("threshold")), Api.number(t.get("upper")), (String) t.get("conditionText"),
                            Api.map(t.get("source")).get("location")));
                }
                rows.add(new Row(r.getInt("revision"), r.getInt("effectiveFrom"), r.getString("parentId"), targets));
            }
            result.put(id, rows);
        }
        return result;
    }

    private static Map<String, String> digest(List<TargetSpec> specs) {
        Map<String, String> targets = new TreeMap<>();
        for (TargetSpec s : specs) {
            var t = s.toTarget();
            targets.put(t.indicatorCode(), digest(t.comparator().name(), t.threshold(), t.upper(),
                    t.condition().describe(), t.source().location()));
        }
        return targets;
    }

    private static String digest(String comparator, BigDecimal threshold, BigDecimal upper, String condition,
            Object location) {
        return comparator + " " + threshold.stripTrailingZeros().toPlainString() + " "
                + (upper == null ? "-" : upper.stripTrailingZeros().toPlainString()) + " " + condition + " @" + location;
    }

    /** Reads the topic from the start until every profile's current revision has arrived; newest per key wins. */
    private static Map<String, TargetProfileChanged> replay(Map<String, List<Row>> expected) {
        Map<String, TargetProfileChanged> latest = new HashMap<>();
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.CATALOG_CHANGED)) {
            Instant deadline = Instant.now().plusSeconds(30);
            while (true) {
                latest.clear();
                for (var record : reader.drain(Duration.ofMillis(500))) {
                    var event = EventJson.read(record.value(), TargetProfileChanged.class).data();
                    assertThat(record.key()).isEqualTo(event.profileId());
                    latest.merge(record.key(), event, (a, b) -> a.revision() >= b.revision() ? a : b);
                }
                boolean complete = expected.entrySet().stream().allMatch(e -> latest.containsKey(e.getKey())
                        && latest.get(e.getKey()).revision() == e.getValue().size());
                if (complete || Instant.now().isAfter(deadline)) {
                    return latest;
                }
            }
        }
    }

    /** What evaluation would do: the revision of every profile in force that year, through libs/targets' resolver. */
    private static Map<String, String> resolve(Map<String, TargetProfileChanged> replayed, String division, int year) {
        List<TargetProfile> inForce = replayed.values().stream().flatMap(e -> e.profileInForce(year).stream()).toList();
        Map<String, String> result = new TreeMap<>();
        for (var r : new TargetResolver(inForce).effectiveTargets(division)) {
            result.put(r.target().indicatorCode(), r.profileId() + " " + r.target().comparator() + " "
                    + r.target().threshold().stripTrailingZeros().toPlainString());
        }
        return result;
    }

    private static Map<String, String> fromService(String division, int year) {
        var e = Api.effective(division, year);
        Map<String, String> result = new TreeMap<>();
        for (Map<String, Object> t : e.<Map<String, Object>>getList("targets")) {
            result.put((String) t.get("indicatorCode"), Api.map(t.get("provenance")).get("profileId") + " "
                    + t.get("comparator") + " " + Api.number(t.get("threshold")).stripTrailingZeros().toPlainString());
        }
        return result;
    }

    private static String cleanupPolicy(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                InfraResource.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        }
    }
}
