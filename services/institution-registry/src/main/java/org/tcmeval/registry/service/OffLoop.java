package org.tcmeval.registry.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs CPU-heavy work (decoding and checking a 20 MB CSV) on a worker thread and comes back to
 * the caller's Vert.x context, where the reactive session lives and must be used.
 */
public final class OffLoop {

    private OffLoop() {
    }

    public static <T> Uni<T> compute(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> computed = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? computed : computed.emitOn(r -> context.runOnContext(ignored -> r.run()));
    }
}
