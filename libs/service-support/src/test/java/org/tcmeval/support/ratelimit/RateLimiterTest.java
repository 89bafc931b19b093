package org.tcmeval.support.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    final AtomicLong now = new AtomicLong();
    final RateLimiter limiter = new RateLimiter(now::get);

    @Test
    void aBurstUpToTheLimitPassesThenOneTokenPerSixtiethOfAMinute() {
        // 6 a minute: six at once, then one every 10 s.
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("a", 6)).isZero();
        }
        assertThat(limiter.acquire("a", 6)).isEqualTo(10);
        now.addAndGet(4_000_000_000L);
        assertThat(limiter.acquire("a", 6)).isEqualTo(6);   // 0.4 of a token refilled: 6 s to go
        now.addAndGet(6_000_000_000L);
        assertThat(limiter.acquire("a", 6)).isZero();
        assertThat(limiter.acquire("a", 6)).isEqualTo(10);
    }

    @Test
    void keysDoNotShareTokens() {
        assertThat(limiter.acquire("a", 1)).isZero();
        assertThat(limiter.acquire("a", 1)).isEqualTo(60);
        assertThat(limiter.acquire("b", 1)).isZero();
    }

    @Test
    void lookingDoesNotSpend() {
        assertThat(limiter.exhausted("a", 2)).isZero();   // unknown key: nothing spent yet
        limiter.acquire("a", 2);
        assertThat(limiter.exhausted("a", 2)).isZero();
        limiter.acquire("a", 2);
        assertThat(limiter.exhausted("a", 2)).isEqualTo(30);
        assertThat(limiter.exhausted("a", 2)).isEqualTo(30);
    }
}
