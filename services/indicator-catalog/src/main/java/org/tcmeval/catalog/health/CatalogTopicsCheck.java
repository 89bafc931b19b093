package org.tcmeval.catalog.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.tcmeval.catalog.service.CatalogTopics;
import org.tcmeval.events.Topics;

/**
 * Ready once the catalog topics are known to be compacted. Before that, changes could land on a
 * topic that deletes old records, and a consumer's replay would no longer rebuild every profile.
 */
@Readiness
@ApplicationScoped
public class CatalogTopicsCheck implements HealthCheck {

    @Inject
    CatalogTopics topics;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("catalog topics")
                .withData("topics", Topics.CATALOG_CHANGED + "," + Topics.TECHNIQUE_CHANGED);
        if (topics.compacted()) {
            return response.withData("cleanup.policy", "compact").up().build();
        }
        return response.withData("problem", String.valueOf(topics.problem())).down().build();
    }
}
