package org.tcmeval.support.kafka;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the topics a service owns compacted: Kafka then keeps the newest record per key forever,
 * and a consumer that replays from the start rebuilds its whole projection. Created at start-up if
 * missing; a topic the broker auto-created on a first publish is switched to compact. While the
 * broker is unreachable this is retried, and {@link CompactedTopicsCheck} keeps the service unready.
 */
@ApplicationScoped
public class CompactedTopics {

    @Inject
    CompactedTopicsConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Vertx vertx;

    private volatile boolean compacted;
    private volatile String problem = "not checked yet";

    /** Early, before the outbox relay's first round can auto-create a topic without compaction. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
        if (topics().isEmpty()) {
            compacted = true;
            problem = null;
            return;
        }
        ensure();
        if (!compacted) {
            long retry = config.retryInterval().toMillis();
            vertx.setPeriodic(retry, retry, timer -> vertx.executeBlocking(() -> {
                ensure();
                if (compacted) {
                    vertx.cancelTimer(timer);
                }
                return null;
            }, false));
        }
    }

    public List<String> topics() {
        return config.names().orElse(List.of());
    }

    public boolean compacted() {
        return compacted;
    }

    public String problem() {
        return problem;
    }

    synchronized void ensure() {
        long timeout = config.timeout().toMillis();
        Map<String, Object> settings = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout);
        try (Admin admin = Admin.create(settings)) {
            Set<String> existing = admin.listTopics().names().get(timeout, TimeUnit.MILLISECONDS);
            for (String topic : topics()) {
                // A topic created here is compacted from the start (and its configs may not be
                // describable for a moment); one found, or created meanwhile by a publish, is checked.
                if (existing.contains(topic) || !create(admin, topic, timeout)) {
                    compact(admin, topic, timeout);
                }
            }
            compacted = true;
            problem = null;
        } catch (ExecutionException | TimeoutException e) {
            problem = String.valueOf(e.getCause() != null ? e.getCause() : e);
            Log.warnf("topics %s not yet compacted (%s); retrying", topics(), problem);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers false when the topic appeared meanwhile, e.g. auto-created by a first publish. */
    private boolean create(Admin admin, String topic, long timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        NewTopic t = new NewTopic(topic, Optional.of(config.partitions()), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(t)).all().get(timeout, TimeUnit.MILLISECONDS);
            Log.debugf("created compacted topic %s", topic);
            return true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            return false;
        }
    }

    private static void compact(Admin admin, String topic, long timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        ConfigEntry policy = admin.describeConfigs(List.of(resource)).all().get(timeout, TimeUnit.MILLISECONDS)
                .get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            AlterConfigOp op = new AlterConfigOp(new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_COMPACT), AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(op))).all().get(timeout, TimeUnit.MILLISECONDS);
            Log.debugf("switched topic %s from cleanup.policy=%s to compact", topic,
                    policy == null ? null : policy.value());
        }
    }
}
