package org.tcmeval.reporting.bulk;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Runs CPU work off the event loop, so requests and other jobs are not held up behind it. */
final class OffLoop {

    private OffLoop() {
    }

    /** CPU work (decoding and parsing a 20 MB file) on a worker, back on the caller's context. */
    static <T> Uni<T> run(Supplier<T> work) {
        return back(Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** Work already under way elsewhere, answered on the caller's context (a job's session lives there). */
    static <T> Uni<T> back(CompletionStage<T> work) {
        return back(Uni.createFrom().completionStage(work));
    }

    private static <T> Uni<T> back(Uni<T> answer) {
        Context context = Vertx.currentContext();
        return context == null ? answer : answer.emitOn(r -> context.runOnContext(ignored -> r.run()));
    }
}
