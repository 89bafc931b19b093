package org.tcmeval.support.deadletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of {@link DeadLetters}. The beans of this package exist only in a service built with
 * {@code tcm.dead-letters.enabled=true}, which must also have a {@code dead_letter} table (a Flyway
 * migration of its own).
 */
@ConfigMapping(prefix = "tcm.dead-letters")
public interface DeadLetterConfig {

    /**
     * Read at build time ({@code @IfBuildProperty} on the beans of this package): true in a service that
     * consumes Kafka and has the {@code dead_letter} table.
     */
    @WithDefault("false")
    boolean enabled();

    /** First pause after a transient failure; each further one doubles it. */
    @WithDefault("100ms")
    Duration initialBackoff();

    /** Longest pause between two tries; retrying goes on at this pace for as long as the outage lasts. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How often the open counts behind the gauge and health check are read again from the table. */
    @WithDefault("30s")
    Duration refreshInterval();
}
