package org.tcmeval.reporting.bulk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.tcmeval.support.security.Jurisdiction;

/**
 * Checks chunk n+1 while chunk n is written. The checks of a chunk only read (institutions,
 * windows, reopenings, the reports its rows would revise, the technique list), and the rows of
 * one job never name the same reporter and period twice, so a chunk checked before the chunk
 * ahead of it has committed sees what it would have seen after. The checks therefore run on an
 * event loop of their own with a session of their own, while the job's context writes (and, for
 * an all-or-nothing job, keeps its one transaction open); writes stay in chunk order on that
 * context. A write that finds the database changed since its check (BulkWriter.ConcurrentChange,
 * a unique violation) is retried as before, and the job's caller decides how.
 */
final class ChunkPipeline {

    /** A checked chunk: its rows' outcomes and the reporter keys seen before and after it. */
    record Screened(List<JobChunks.Entry> part, List<BulkReports.Outcome> outcomes, Set<String> seenBefore,
            Set<String> seenAfter) {
    }

    private final JobChunks chunks;
    private final Context aside;

    ChunkPipeline(JobChunks chunks, Vertx vertx) {
        this.chunks = chunks;
        this.aside = otherEventLoop(vertx);
    }

    /**
     * Checks and writes the chunks from {@code first} on. {@code write} runs on the caller's context
     * and answers the keys seen once its chunk is done: {@code seenAfter} as checked, or another set
     * when it had to check the chunk again (then the next chunk, checked ahead from the first
     * answer, is checked again from this one).
     */
    Uni<Void> run(List<JobChunks.Entry> entries, int first, Set<String> seen, Jurisdiction jurisdiction,
            Function<Screened, Uni<Set<String>>> write) {
        List<Integer> starts = new ArrayList<>();
        for (int from = first; from < entries.size(); from += chunks.chunkRows()) {
            starts.add(from);
        }
        AtomicReference<Set<String>> seenNow = new AtomicReference<>(seen);
        AtomicReference<Uni<Screened>> ahead = new AtomicReference<>();
        // Concatenation lets each finished chunk's outcomes and statements go (a chain built up front would not).
        return Multi.createFrom().iterable(starts).onItem().transformToUniAndConcatenate(from -> {
            chunks.checkpoint();
            Uni<Screened> mine = ahead.getAndSet(null);
            if (mine == null) {
                mine = screenAside(chunks.part(entries, from), jurisdiction, seenNow.get());
            }
            return mine.chain(s -> {
                int next = from + chunks.chunkRows();
                if (next < entries.size()) {
                    ahead.set(screenAside(chunks.part(entries, next), jurisdiction, s.seenAfter()));
                }
                return write.apply(s).invoke(after -> {
                    if (after != s.seenAfter()) {
                        ahead.set(null);
                    }
                    seenNow.set(after);
                });
            });
        }).collect().last().replaceWithVoid();
    }

    /**
     * Starts checking a chunk now, on the aside event loop in a session of its own; the answer comes
     * back on the caller's context (the job's session lives there).
     */
    private Uni<Screened> screenAside(List<JobChunks.Entry> part, Jurisdiction jurisdiction, Set<String> seenBefore) {
        Context back = Vertx.currentContext();
        Set<String> attempt = new HashSet<>(seenBefore);
        CompletableFuture<List<BulkReports.Outcome>> checked = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(aside);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            try {
                Panache.withSession(() -> chunks.screen(part, jurisdiction, attempt))
                        .subscribe().with(checked::complete, checked::completeExceptionally);
            } catch (RuntimeException e) {
                // Thrown before the Uni existed: the job must fail, not wait for an answer that never comes.
                checked.completeExceptionally(e);
            }
        });
        Uni<List<BulkReports.Outcome>> answer = Uni.createFrom().completionStage(checked);
        if (back != null) {
            answer = answer.emitOn(r -> back.runOnContext(x -> r.run()));
        }
        return answer.map(outcomes -> new Screened(part, outcomes, seenBefore, attempt));
    }

    /** An event-loop context on another loop than the caller's, so checks and writes use both cores. */
    private static Context otherEventLoop(Vertx vertx) {
        VertxInternal internal = (VertxInternal) vertx;
        Context current = Vertx.currentContext();
        ContextInternal candidate = internal.createEventLoopContext();
        for (int tries = 0; tries < 8 && current instanceof ContextInternal c
                && candidate.nettyEventLoop() == c.nettyEventLoop(); tries++) {
            candidate = internal.createEventLoopContext();
        }
        return candidate;
    }
}
