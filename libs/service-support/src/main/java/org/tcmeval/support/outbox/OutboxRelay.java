package org.tcmeval.support.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tcmeval.support.memory.IdleHeapTrimmer;
import org.tcmeval.support.persistence.BulkSql;
import org.tcmeval.support.persistence.SessionSql;

/**
 * Publishes outbox rows to Kafka in insertion order and deletes them once the broker has
 * acknowledged them. While the broker is down rows stay in the table and go out when it is back.
 * Several instances may run: {@code FOR UPDATE SKIP LOCKED} hands each row to one of them.
 * Delivery is at least once; consumers de-duplicate (CloudEvents id, versions, revisions).
 */
@ApplicationScoped
public class OutboxRelay {

    @Inject
    OutboxConfig config;

    @Inject
    Vertx vertx;

    @Inject
    IdleHeapTrimmer trimmer;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** A round that takes longer than this is abandoned (its transaction rolls back) so the relay never stalls. */
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(30);

    /** Set while rounds run, up to the end of the last one: a second chain would read past rows still locked. */
    private final AtomicBoolean running = new AtomicBoolean();
    private OutboxSender sender;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        sender = new OutboxSender(bootstrapServers, config.sendTimeout());
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (sender != null) {
            sender.close();
        }
    }

    /**
     * Starts a round now instead of at the next tick: a writer that has just committed many events
     * (a bulk job) has them on their way without waiting for the timer. A round already running
     * goes on by itself while its rounds come back full.
     */
    public void kick() {
        if (sender != null) {
            tick();
        }
    }

    private void tick() {
        if (running.compareAndSet(false, true)) {
            round(false, CompletableFuture.completedFuture(true));
        }
    }

    /**
     * Runs rounds back to back while they come back full (a bulk job's backlog), then waits for the
     * timer. A full round starts the next one as it begins to send, so the next rows are read while
     * this round waits for its acks; that round sends only once {@code goAhead} (this round committed
     * with every row acknowledged) says so. The end of a backlog is the end of the writer's burst as
     * far as memory goes (reporting's job has committed seconds before its events are out, and
     * publishing them grows the heap again), so that is when the heap is given back rather than
     * after the trimmer's quiet period.
     */
    private void round(boolean backlog, CompletableFuture<Boolean> goAhead) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        AtomicBoolean handedOn = new AtomicBoolean();
        // Hibernate Reactive needs a duplicated context marked safe, as a request would have; a
        // context of its own also gives each round its own session while two overlap.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> publishBatch(goAhead, () -> {
            handedOn.set(true);
            round(true, done);
        }).ifNoItem().after(ROUND_TIMEOUT).fail().subscribe().with(n -> {
            done.complete(n >= config.batchSize());
            if (!handedOn.get()) {
                goAhead.whenComplete((ok, e) -> end(backlog));
            }
        }, e -> {
            done.complete(false);
            Log.warnf(e, "outbox round failed; retrying next round");
            if (!handedOn.get()) {
                goAhead.whenComplete((ok, x) -> end(false));
            }
        }));
    }

    /** The last round of a chain has ended, and (waited for above) every round before it. */
    private void end(boolean backlog) {
        running.set(false);
        if (backlog && config.trimAfterBacklog()) {
            trimmer.requestTrim();
        }
    }

    /**
     * Publishes one batch once {@code goAhead} is true; answers how many rows were published. Call on
     * a safe Vert.x context. Why the overlap keeps each key's order: this round's rows are the oldest
     * unpublished ones not locked by the round before it ({@code skip locked}), so they all come
     * after that round's rows; and none of them is handed to the producer before that round has
     * committed with every row acknowledged. When it has not (a send failed, the broker is down,
     * the round failed), this round sends nothing and its commit just lets its rows go, so the next
     * chain starts again from the oldest unpublished row, as sequential rounds would.
     */
    private Uni<Integer> publishBatch(CompletableFuture<Boolean> goAhead, Runnable next) {
        Context context = Vertx.currentContext();
        // A copy: cancelling this round (its timeout) must not cancel the previous round's answer.
        Uni<Boolean> go = Uni.createFrom().completionStage(goAhead.copy()).emitOn(r -> context.runOnContext(x -> r.run()));
        // Rows are read as plain columns and marked with one statement: a round of thousands of
        // events loaded and dirty-checked as entities cost more than sending them.
        return Panache.withTransaction(() -> SessionSql.select("select seq, topic, record_key, payload, cast(id as text)"
                        + " from outbox_event order by seq limit $1 for update skip locked",
                        config.batchSize())
                .map(rows -> rows.stream().map(OutboxSender.Row::of).toList())
                .flatMap(rows -> go.flatMap(ok -> {
                    if (!ok || rows.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    if (rows.size() >= config.batchSize()) {
                        next.run();
                    }
                    return send(rows, context);
                })));
    }

    private Uni<Integer> send(List<OutboxSender.Row> rows, Context context) {
        // KafkaProducer.send blocks while it has no metadata (broker down), so sending happens on a
        // worker; executeBlocking brings the result back to this context for the session's sake.
        return Uni.createFrom().completionStage(() -> context.executeBlocking(() -> sender.sendAll(rows), true)
                        .toCompletionStage())
                .flatMap(errors -> {
                    List<Long> published = new ArrayList<>(rows.size());
                    List<Map<String, Object>> failed = new ArrayList<>();
                    for (int i = 0; i < errors.size(); i++) {
                        if (errors.get(i) == null) {
                            published.add(rows.get(i).seq());
                        } else {
                            failed.add(Map.of("seq", rows.get(i).seq(), "error", errors.get(i)));
                        }
                    }
                    Log.debugf("outbox: published %d of %d", published.size(), rows.size());
                    // Acknowledged rows go (V0_6__outbox_published_deleted.sql says why they are not marked).
                    Uni<Integer> marked = published.isEmpty() ? Uni.createFrom().item(0) : SessionSql.update(
                            "delete from outbox_event where seq = any($1::bigint[])",
                            (Object) published.toArray(Long[]::new));
                    Uni<Integer> noted = failed.isEmpty() ? Uni.createFrom().item(0) : Panache.getSession()
                            .flatMap(s -> s.createNativeQuery("update outbox_event o set attempts = o.attempts + 1, "
                                    + "last_error = x.error from " + BulkSql.ROWS + " as x(seq bigint, error text) "
                                    + "where o.seq = x.seq").setParameter(1, BulkSql.json(failed)).executeUpdate());
                    return marked.flatMap(n -> noted.replaceWith(published.size()));
                });
    }
}
