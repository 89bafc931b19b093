package org.tcmeval.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import org.tcmeval.registry.config.RegistryConfig;

/** "Today" where the institutions are, which decides whether a closing date has passed. */
@ApplicationScoped
public class RegistryClock {

    @Inject
    RegistryConfig config;

    public LocalDate today() {
        return LocalDate.now(ZoneId.of(config.zone()));
    }
}
