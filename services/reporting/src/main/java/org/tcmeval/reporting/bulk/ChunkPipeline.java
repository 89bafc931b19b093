package org.tcmeval.reporting.bulk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.vertx.SideContext;

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

    /**
     * A checked chunk: its rows' outcomes, the statements that store them when the run prepares them
     * ({@code null} otherwise), and the reporter keys seen before and after it.
     */
    record Screened(List<JobChunks.Entry> part, List<BulkReports.Outcome> outcomes, BulkWriter.Prepared prepared,
            Set<String> seenBefore, Set<String> seenAfter) {
    }

    private record Checked(List<BulkReports.Outcome> outcomes, BulkWriter.Prepared prepared) {
    }

    private final JobChunks chunks;
    private final BulkWriter writer;
    private final Context aside;

    ChunkPipeline(JobChunks chunks, BulkWriter writer, Vertx vertx) {
        this.chunks = chunks;
        this.writer = writer;
        this.aside = otherEventLoop(vertx);
    }

    /**
     * Checks and writes the chunks as {@code slices} cuts them. {@code write} runs on the caller's
     * context and answers the keys seen once its chunk is done: {@code seenAfter} as checked, or
     * another set when it had to check the chunk again (then the next chunk, checked ahead from the
     * first answer, is checked again from this one). With {@code prepare}, each chunk's statements are
     * built next to its checks ({@link BulkWriter#prepare}), off the writing context.
     */
    Uni<Void> run(RowSlices slices, Set<String> seen, Jurisdiction jurisdiction, boolean prepare,
            Function<Screened, Uni<Set<String>>> write) {
        AtomicReference<Set<String>> seenNow = new AtomicReference<>(seen);
        AtomicReference<Uni<Screened>> ahead = new AtomicReference<>();
        // Repetition lets each finished chunk's outcomes and statements go (a chain built up front would not).
        return Multi.createBy().repeating().uni(() -> {
            Uni<Screened> mine = ahead.getAndSet(null);
            if (mine == null) {
                mine = screenAside(slices.next(), jurisdiction, seenNow.get(), prepare);
            }
            return mine.chain(s -> s == null || s.seenBefore() == seenNow.get() ? Uni.createFrom().item(s)
                    : screenAside(CompletableFuture.completedFuture(s.part()), jurisdiction, seenNow.get(),
                            prepare))
                    .chain(s -> {
                        if (s == null) {
                            return Uni.createFrom().item(Boolean.FALSE);
                        }
                        chunks.checkpoint();
                        ahead.set(screenAside(slices.next(), jurisdiction, s.seenAfter(), prepare));
                        return write.apply(s).invoke(seenNow::set).replaceWith(Boolean.TRUE);
                    });
        }).until(more -> !more).collect().last().replaceWithVoid();
    }

    /**
     * Starts checking a chunk as soon as it is parsed, on the aside event loop in a session of its
     * own; the answer ({@code null} after the last chunk) comes back on the caller's context (the
     * job's session lives there).
     */
    private Uni<Screened> screenAside(CompletionStage<List<JobChunks.Entry>> slice, Jurisdiction jurisdiction,
            Set<String> seenBefore, boolean prepare) {
        Set<String> attempt = new HashSet<>(seenBefore);
        CompletableFuture<Screened> checked = new CompletableFuture<>();
        slice.whenComplete((part, failure) -> {
            if (failure != null || part.isEmpty()) {
                complete(checked, null, failure);
                return;
            }
            SideContext.start(aside, () -> Panache.withSession(() -> chunks.screen(part, jurisdiction, attempt))
                    .map(outcomes -> new Checked(outcomes, prepare ? writer.prepare(outcomes) : null)))
                    .whenComplete((c, failed) -> complete(checked, failed == null
                            ? new Screened(part, c.outcomes(), c.prepared(), seenBefore, attempt) : null, failed));
        });
        return OffLoop.back(checked);
    }

    private static void complete(CompletableFuture<Screened> checked, Screened s, Throwable failure) {
        if (failure != null) {
            checked.completeExceptionally(failure instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : failure);
        } else {
            checked.complete(s);
        }
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
