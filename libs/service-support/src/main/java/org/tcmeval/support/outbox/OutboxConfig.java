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

    /**
     * Whether the end of a backlog (full rounds, then a short one) asks for the heap back at once
     * ({@code IdleHeapTrimmer.requestTrim()}). Right where a backlog is one writer's burst (reporting's
     * bulk job); wrong where the relay keeps up in small rounds during a burst (evaluation): a trim
     * requested mid-burst starts the cooldown that then blocks the one at the burst's end.
     */
    @WithDefault("true")
    boolean trimAfterBacklog();

    /** Set false to keep the relay from running (a service that publishes nothing). */
    @WithDefault("true")
    boolean enabled();
}
