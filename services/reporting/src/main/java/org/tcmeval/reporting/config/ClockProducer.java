package org.tcmeval.reporting.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one clock reporting reads; {@link ReportingConfig#fixedClock()} pins it. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(ReportingConfig config) {
        return config.fixedClock().map(i -> Clock.fixed(i, config.zone())).orElseGet(() -> Clock.system(config.zone()));
    }
}
