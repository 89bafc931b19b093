package org.tcmeval.support.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransientRetryTest {

    static final Duration SHORT = Duration.ofMillis(5);

    @Test
    void transientFailuresAreTriedAgainUntilTheWorkSucceeds() {
        AtomicInteger tries = new AtomicInteger();
        String result = TransientRetry.of("test", () -> tries.incrementAndGet() <= 2
                        ? Uni.createFrom().failure(new PgException("the database system is starting up", "FATAL", "57P03", null))
                        : Uni.createFrom().item("applied"), SHORT, Duration.ofMillis(20))
                .await().atMost(Duration.ofSeconds(5));
        assertThat(result).isEqualTo("applied");
        assertThat(tries).hasValue(3);
    }

    @Test
    void aPermanentFailureEndsAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> TransientRetry.<String>of("test", () -> {
            tries.incrementAndGet();
            throw new IllegalArgumentException("bad event");
        }, SHORT, SHORT).await().atMost(Duration.ofSeconds(5))).isInstanceOf(IllegalArgumentException.class);
        assertThat(tries).hasValue(1);
    }

    @Test
    void pausesDoubleUpToTheMaximum() {
        Duration initial = Duration.ofMillis(100);
        Duration max = Duration.ofSeconds(10);
        assertThat(TransientRetry.pause(1, initial, max)).isEqualTo(Duration.ofMillis(100));
        assertThat(TransientRetry.pause(2, initial, max)).isEqualTo(Duration.ofMillis(200));
        assertThat(TransientRetry.pause(7, initial, max)).isEqualTo(Duration.ofMillis(6400));
        assertThat(TransientRetry.pause(8, initial, max)).isEqualTo(max);
        assertThat(TransientRetry.pause(Integer.MAX_VALUE, initial, max)).isEqualTo(max);
    }
}
