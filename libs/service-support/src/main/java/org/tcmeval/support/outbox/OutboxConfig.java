package org.tcmeval.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tcm.outbox")
public interface OutboxConfig {

    /** Rows published per relay round. */
    @WithDefault("200")
    int batchSize();

    /** Pause between relay rounds when the outbox was empty. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** Set false to keep the relay from running (a service that only reads, or a test of the backlog). */
    @WithDefault("true")
    boolean enabled();
}
