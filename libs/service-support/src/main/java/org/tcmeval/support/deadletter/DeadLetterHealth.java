package org.tcmeval.support.deadletter;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Open dead letters, in two places, neither of which restarts the service or takes it out of rotation:
 * dead letters are records to look at, not a fault of the instance (another instance would have the
 * same ones, and a restart changes nothing).
 * <ul>
 * <li>{@code /q/health/group/dead-letters} is DOWN while any is open: something to alert on.</li>
 * <li>{@code /q/health} and {@code /q/health/ready} always show them UP with the open count per channel,
 * so whoever looks at the service's health sees them too.</li>
 * </ul>
 * Both are on the service's management port ({@code quarkus.management.port}), as all health and metrics are.
 * Both read the counts {@link DeadLetters} keeps (no query per probe), refreshed at least every
 * {@code tcm.dead-letters.refresh-interval}; the datasource's own readiness check covers the database.
 */
@ApplicationScoped
@IfBuildProperty(name = DeadLetters.ENABLED, stringValue = "true")
public class DeadLetterHealth {

    static final String NAME = "dead-letters";

    @Inject
    DeadLetters deadLetters;

    @Produces
    @HealthGroup(NAME)
    @ApplicationScoped
    HealthCheck alerting() {
        return () -> {
            Map<String, Long> counts = deadLetters.openCounts();
            return withCounts(HealthCheckResponse.named(NAME), counts)
                    .status(counts.values().stream().allMatch(n -> n == 0)).build();
        };
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck visible() {
        return () -> withCounts(HealthCheckResponse.named(NAME), deadLetters.openCounts()).up().build();
    }

    private static HealthCheckResponseBuilder withCounts(HealthCheckResponseBuilder b, Map<String, Long> counts) {
        counts.forEach((channel, n) -> b.withData("open." + channel, n));
        return b.withData("open", counts.values().stream().mapToLong(Long::longValue).sum());
    }
}
