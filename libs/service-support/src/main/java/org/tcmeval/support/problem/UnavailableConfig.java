package org.tcmeval.support.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a request that met an outage (database or broker unavailable) is answered. */
@ConfigMapping(prefix = "tcm.unavailable")
public interface UnavailableConfig {

    /** Sent as {@code Retry-After} (whole seconds, at least 1) with the 503 answer. */
    @WithDefault("5s")
    Duration retryAfter();
}
