package org.tcmeval.registry.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tcmeval.events.Topics;
import org.tcmeval.registry.config.RegistryConfig;

/**
 * Makes {@code institution-changed} a compacted topic: Kafka then keeps the newest state of every
 * institution forever, and a consumer that replays from the start rebuilds its projection. Created
 * at startup if missing; a topic the broker auto-created on first publish is switched to compact.
 * When the broker is unreachable at startup it is tried again until it succeeds.
 */
@ApplicationScoped
public class InstitutionTopic {

    @Inject
    RegistryConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Vertx vertx;

    private volatile boolean compacted;
    private volatile String problem = "not checked yet";

    void onStart(@Observes StartupEvent event) {
        ensure();
        if (!compacted) {
            long retry = config.topic().retryInterval().toMillis();
            vertx.setPeriodic(retry, retry, timer -> vertx.executeBlocking(() -> {
                ensure();
                if (compacted) {
                    vertx.cancelTimer(timer);
                }
                return null;
            }, false));
        }
    }

    public boolean compacted() {
        return compacted;
    }

    public String problem() {
        return problem;
    }

    synchronized void ensure() {
        long timeout = config.topic().timeout().toMillis();
        Map<String, Object> settings = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout);
        try (Admin admin = Admin.create(settings)) {
            String topic = Topics.INSTITUTION_CHANGED;
            if (!admin.listTopics().names().get(timeout, TimeUnit.MILLISECONDS).contains(topic)) {
                NewTopic t = new NewTopic(topic, Optional.of(config.topic().partitions()), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                try {
                    admin.createTopics(List.of(t)).all().get(timeout, TimeUnit.MILLISECONDS);
                    Log.debugf("created compacted topic %s", topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config current = admin.describeConfigs(List.of(resource)).all().get(timeout, TimeUnit.MILLISECONDS).get(resource);
            ConfigEntry policy = current.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                AlterConfigOp op = new AlterConfigOp(new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT), AlterConfigOp.OpType.SET);
                admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get(timeout, TimeUnit.MILLISECONDS);
                Log.debugf("switched topic %s from cleanup.policy=%s to compact", topic,
                        policy == null ? null : policy.value());
            }
            compacted = true;
            problem = null;
        } catch (ExecutionException | TimeoutException e) {
            problem = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            Log.warnf("topic %s not yet compacted (%s); retrying", Topics.INSTITUTION_CHANGED, problem);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
