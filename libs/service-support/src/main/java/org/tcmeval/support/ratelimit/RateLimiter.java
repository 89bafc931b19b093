package org.tcmeval.support.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets (限流) keyed by caller: each key may spend {@code perMinute} tokens, refilled evenly
 * over a minute, so a burst up to the limit passes and a steady stream above it is slowed to it.
 * Plain Java with an injectable clock; one instance per service process (a limit per instance, which
 * is what protects that instance).
 */
public final class RateLimiter {

    /** Keys kept before idle, full buckets are dropped, so a flood of distinct keys cannot grow the map without bound. */
    static final int MAX_KEYS = 100_000;

    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public RateLimiter() {
        this(System::nanoTime);
    }

    /**
     * Spends one token of {@code key}; answers 0 when it was there, else the whole seconds until one
     * will be (the {@code Retry-After} to send).
     */
    public long acquire(String key, int perMinute) {
        return bucket(key, perMinute).take(nanoClock.getAsLong(), perMinute, true);
    }

    /** Whether {@code key} has no token left, without spending one; 0 when it has, else seconds to wait. */
    public long exhausted(String key, int perMinute) {
        Bucket b = buckets.get(key);
        return b == null ? 0 : b.take(nanoClock.getAsLong(), perMinute, false);
    }

    private Bucket bucket(String key, int perMinute) {
        if (buckets.size() >= MAX_KEYS) {
            long now = nanoClock.getAsLong();
            buckets.values().removeIf(b -> b.full(now, perMinute));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(perMinute, nanoClock.getAsLong()));
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int perMinute, long now) {
            this.tokens = perMinute;
            this.updated = now;
        }

        synchronized long take(long now, int perMinute, boolean spend) {
            double perNano = perMinute / 60e9;
            tokens = Math.min(perMinute, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                if (spend) {
                    tokens -= 1;
                }
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }

        synchronized boolean full(long now, int perMinute) {
            return tokens + (now - updated) * (perMinute / 60e9) >= perMinute;
        }
    }
}
