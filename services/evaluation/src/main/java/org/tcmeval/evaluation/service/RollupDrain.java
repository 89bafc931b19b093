package org.tcmeval.evaluation.service;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tcmeval.evaluation.EvaluationConfig;

/**
 * Folds the deltas polls left in {@code rollup_delta} into the city and province sums and re-judges
 * the results they touch, publishing {@code target-evaluated} through the outbox as a poll does (only
 * for a result that changed). One transaction per province, which any instance may run but only one
 * at a time ({@code pg_try_advisory_xact_lock}: an instance that finds it taken leaves the province to
 * the one draining it). Deleting the deltas, adding them and judging commit together, so a delta is
 * counted once or is still in the table; a result's sequence grows only here, under that lock.
 * When: {@link DrainSchedule}, and once at shutdown.
 */
@ApplicationScoped
public class RollupDrain {

    /** How often the timer asks {@link DrainSchedule} whether a drain is due: a tenth of the shortest wait. */
    private static final long TICK_MILLIS = 10;

    @Inject
    Vertx vertx;

    @Inject
    Judging judging;

    @Inject
    EvaluationConfig config;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile DrainSchedule schedule;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        EvaluationConfig.Rollup r = config.rollup();
        schedule = new DrainSchedule(new DrainSchedule.Settings(r.delay().toNanos(), r.minInterval().toNanos(),
                r.maxInterval().toNanos()), System.nanoTime());
        timer = vertx.setPeriodic(TICK_MILLIS, id -> {
            if (schedule.due(System.nanoTime())) {
                round();
            }
        });
    }

    /** Folds what is left before the service stops, so a city's results do not wait for the next start. */
    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        try {
            drainNow(Duration.ofSeconds(10));
        } catch (Exception e) {
            Log.warnf(e, "roll-up drain at shutdown did not finish; the next start folds what is left");
        }
    }

    /** A transaction that wrote deltas has committed. */
    public void requested() {
        DrainSchedule s = schedule;
        if (s != null) {
            s.requested(System.nanoTime());
        }
    }

    /** One drain of every province with deltas, completing when it ends; null when one is running. */
    CompletableFuture<Void> round() {
        if (!running.compareAndSet(false, true)) {
            return null;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        schedule.started(System.nanoTime());
        // Hibernate Reactive needs a duplicated context marked safe, as a request would have.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Panache.withSession(RollupDeltas::provinces).chain(this::drainAll)
                .onTermination().invoke(() -> running.set(false))
                .subscribe().with(done::complete, e -> {
                    Log.warnf(e, "roll-up drain failed; retrying at the next one");
                    done.complete(null);
                }));
        return done;
    }

    /** Drains whatever is pending now and waits for it (tests, and callers that must read folded sums). */
    public void drainNow(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        // A round already running may have read its provinces before the caller's deltas committed.
        CompletableFuture<Void> mine = round();
        while (mine == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
            mine = round();
        }
        if (mine == null) {
            throw new java.util.concurrent.TimeoutException("a roll-up drain is still running");
        }
        mine.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private Uni<Void> drainAll(List<String> provinces) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String p : provinces) {
            chain = chain.chain(() -> drain(p).replaceWithVoid());
        }
        return chain;
    }

    /** One province's deltas folded and judged; false when another transaction is draining it. */
    Uni<Boolean> drain(String province) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "select pg_try_advisory_xact_lock(hashtext(:k))", Boolean.class)
                        .setParameter("k", "rollup:" + province).getSingleResult())
                .chain(locked -> !locked ? Uni.createFrom().item(false)
                        // Shared like a poll's: a target change commits before or after this drain's judging.
                        : TargetCatalog.lockShared().chain(() -> RollupDeltas.fold(province))
                                .chain(touched -> judging.judgeNow(touched)).replaceWith(true)));
    }
}
