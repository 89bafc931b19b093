package org.tcmeval.support.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the service's own topics are known to be compacted. Before that, events could land on
 * a topic that deletes old records, and a consumer's replay would no longer rebuild everything.
 */
@Readiness
@ApplicationScoped
public class CompactedTopicsCheck implements HealthCheck {

    @Inject
    CompactedTopics topics;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("compacted topics").withData("topics", String.join(",", topics.topics()));
        if (topics.compacted()) {
            return response.withData("cleanup.policy", "compact").up().build();
        }
        return response.withData("problem", String.valueOf(topics.problem())).down().build();
    }
}
