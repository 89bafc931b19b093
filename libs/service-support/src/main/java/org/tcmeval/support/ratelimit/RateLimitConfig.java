package org.tcmeval.support.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many expensive or suspicious requests one caller may make per minute before answering 429. */
@ConfigMapping(prefix = "tcm.rate-limit")
public interface RateLimitConfig {

    /**
     * Bulk operations ({@link RateLimited}: imports, bulk report jobs, bulk decisions) per caller (the
     * token's subject) per minute. A province's year is one upload; sixty a minute leaves room for retries.
     */
    @WithDefault("60")
    int bulkPerMinute();

    /** Requests with a missing or invalid token per client address per minute, before that address gets 429. */
    @WithDefault("60")
    int authFailuresPerMinute();
}
