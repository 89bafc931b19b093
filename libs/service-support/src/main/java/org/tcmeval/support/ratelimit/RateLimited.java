package org.tcmeval.support.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bulk operation: one request does the work of thousands, so each caller may make
 * {@code tcm.rate-limit.bulk-per-minute} of them a minute; beyond that 429 with {@code Retry-After}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    /** The 429 answer, as the OpenAPI documents it on each such operation. */
    String DESCRIPTION = "More bulk requests than tcm.rate-limit.bulk-per-minute (default 60) from this caller in the last"
            + " minute: wait Retry-After seconds, then retry with the same Idempotency-Key";
}
