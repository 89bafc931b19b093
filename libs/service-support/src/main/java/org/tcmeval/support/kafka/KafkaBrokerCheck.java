package org.tcmeval.support.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the Kafka broker does not answer. A service that consumes learns this from
 * SmallRye's own readiness check, but one that only publishes through the outbox (the registry,
 * the catalog) stayed ready through a whole broker outage while none of its changes reached the
 * other services - found by the fault suite (deploy/faults). The broker is asked at most once a
 * second, and for at most a second, so a probe never waits on a dead broker for long.
 */
@Readiness
@ApplicationScoped
public class KafkaBrokerCheck implements HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final Duration REUSE = Duration.ofSeconds(1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private Admin admin;
    private Instant askedAt = Instant.EPOCH;
    private HealthCheckResponse last;

    @Override
    public synchronized HealthCheckResponse call() {
        if (last == null || Duration.between(askedAt, Instant.now()).compareTo(REUSE) >= 0) {
            last = ask();
            askedAt = Instant.now();
        }
        return last;
    }

    private HealthCheckResponse ask() {
        var response = HealthCheckResponse.named("kafka broker").withData("bootstrap.servers", bootstrapServers);
        try {
            if (admin == null) {
                int timeout = (int) TIMEOUT.toMillis();
                admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        AdminClientConfig.CLIENT_ID_CONFIG, "readiness",
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout));
            }
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS).size();
            return response.withData("nodes", nodes).up().build();
        } catch (ExecutionException e) {
            return response.withData("problem", String.valueOf(e.getCause())).down().build();
        } catch (TimeoutException e) {
            return response.withData("problem", "no answer within " + TIMEOUT.toMillis() + " ms").down().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.withData("problem", "interrupted").down().build();
        }
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
    }
}
