package org.tcmeval.registry.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.tcmeval.events.Topics;
import org.tcmeval.registry.service.InstitutionTopic;

/**
 * Ready once {@code institution-changed} is known to be compacted. Before that, events could land
 * on a topic that deletes old records, and a consumer's replay would no longer rebuild everything.
 */
@Readiness
@ApplicationScoped
public class InstitutionTopicCheck implements HealthCheck {

    @Inject
    InstitutionTopic topic;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("institution-changed topic").withData("topic", Topics.INSTITUTION_CHANGED);
        if (topic.compacted()) {
            return response.withData("cleanup.policy", "compact").up().build();
        }
        return response.withData("problem", String.valueOf(topic.problem())).down().build();
    }
}
