package org.tcmeval.catalog.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.tcmeval.catalog.service.CatalogSeeder;

/** Ready once the canonical profiles of libs/targets are stored: before that, effective targets would be empty. */
@Readiness
@ApplicationScoped
public class SeedCheck implements HealthCheck {

    @Inject
    CatalogSeeder seeder;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("canonical profiles seeded");
        return seeder.done() ? response.up().build() : response.down().build();
    }
}
