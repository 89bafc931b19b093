package org.tcmeval.support.vertx;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs reactive work in a context of its own beside the caller's: Hibernate Reactive keeps one
 * session per Vert.x (duplicated) context, so work started here has its own session and its own
 * connection, and its transaction runs while the caller's waits on the database.
 */
public final class SideContext {

    private SideContext() {
    }

    /**
     * Starts {@code work} now in a new duplicated context of {@code loop} (an event-loop context;
     * the caller's own to stay on its thread), and answers on the caller's context.
     */
    public static <T> Uni<T> run(Context loop, Supplier<Uni<T>> work) {
        Context back = Vertx.currentContext();
        Uni<T> answer = Uni.createFrom().completionStage(start(loop, work));
        return back == null ? answer : answer.emitOn(r -> back.runOnContext(x -> r.run()));
    }

    /**
     * {@link #run} for callers off any context (a parser's worker): the answer completes on the
     * side context's thread, for the caller to bring back where it needs it.
     */
    public static <T> CompletableFuture<T> start(Context loop, Supplier<Uni<T>> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(loop);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(done::complete, done::completeExceptionally);
            } catch (RuntimeException e) {
                // Thrown before the Uni existed: the caller must see the failure, not wait for an answer that never comes.
                done.completeExceptionally(e);
            }
        });
        return done;
    }
}
