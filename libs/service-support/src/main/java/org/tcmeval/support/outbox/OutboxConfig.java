package org.tcmeval.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tcm.outbox")
public interface OutboxConfig {

    /** Rows published per relay round. */
    @WithDefault("200")
    int batchSize();

    /** Pause between relay rounds. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** How long a send may wait for the broker before the row is left for the next round. */
    @WithDefault("3s")
    Duration sendTimeout();

    /** Set false to keep the relay from running (a service that publishes nothing). */
    @WithDefault("true")
    boolean enabled();
}
