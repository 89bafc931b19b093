package org.tcmeval.support.deadletter;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs work again after transient failures ({@link Transient#is}) with exponential backoff, without
 * limit: during an outage the work waits for the database instead of being given up. A permanent
 * failure ends the retrying at once and is passed on.
 *
 * <p>Each try is started on the Vert.x context of the caller: Hibernate Reactive refuses to run
 * elsewhere, and Mutiny's own backoff would resume on one of its worker threads.
 */
public final class TransientRetry {

    private TransientRetry() {
    }

    /**
     * @param what how the work is named in the log
     * @param work gives a fresh attempt each time it is called (a new transaction, not a replayed one)
     */
    public static <T> Uni<T> of(String what, Supplier<Uni<T>> work, Duration initial, Duration max) {
        Context context = Vertx.currentContext();
        AtomicInteger attempts = new AtomicInteger();
        return Uni.createFrom().deferred(() -> {
                    attempts.incrementAndGet();
                    return work.get();
                })
                .onFailure(Transient::is).retry().when(failures -> failures.onItem().transformToUniAndConcatenate(f -> {
                    int n = attempts.get();
                    Duration pause = pause(n, initial, max);
                    // Warn on tries 1, 2, 4, 8, ...: an outage is visible without flooding the log.
                    if (Integer.bitCount(n) == 1) {
                        Log.warnf("%s failed transiently (try %d: %s); trying again in %d ms and for as long as it "
                                + "takes", what, n, f, pause.toMillis());
                    } else {
                        Log.debugf("%s failed transiently (try %d: %s); again in %d ms", what, n, f, pause.toMillis());
                    }
                    return delay(context, pause);
                }));
    }

    /** initial × 2^(attempt − 1), at most {@code max}. */
    static Duration pause(int attempt, Duration initial, Duration max) {
        long millis = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** Emits a (non-null: a null item would not count as a signal to retry) item after the pause, on the context. */
    private static Uni<Boolean> delay(Context context, Duration pause) {
        if (context == null) {
            return Uni.createFrom().item(Boolean.TRUE).onItem().delayIt().by(pause);
        }
        return Uni.createFrom().emitter(e -> context.owner().setTimer(Math.max(pause.toMillis(), 1),
                id -> context.runOnContext(ignored -> e.complete(Boolean.TRUE))));
    }
}
