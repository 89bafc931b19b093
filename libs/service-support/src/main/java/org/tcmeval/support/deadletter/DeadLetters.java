package org.tcmeval.support.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
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
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.text.Inputs;
import org.tcmeval.support.problem.ProblemType;

/**
 * Consumes records so that an outage never loses one and a poison record never stops the others.
 * {@link #guard} runs a record's handler; a transient failure ({@link Transient}) is tried again with
 * exponential backoff for as long as it lasts (the channel waits, nothing is dead-lettered), and a
 * permanent one is stored in the service's {@code dead_letter} table in a transaction of its own,
 * after which the guard completes normally so that the record is acknowledged and the next one comes.
 * Stored dead letters are counted by the gauge {@code tcm_dead_letters_open{channel}} and
 * {@link DeadLetterHealth}, listed, replayed and discarded through {@link DeadLetterResource}.
 *
 * <p>Present only in services built with {@code tcm.dead-letters.enabled=true}: those with the table.
 */
@ApplicationScoped
@IfBuildProperty(name = DeadLetters.ENABLED, stringValue = "true")
public class DeadLetters {

    public static final String ENABLED = "tcm.dead-letters.enabled";
    /** The error text kept and shown: an exception may quote the whole (unbounded) input. */
    static final int MAX_ERROR = Inputs.MAX_MESSAGE;

    static final String UPSERT = """
            insert into dead_letter (id, channel, topic, record_partition, record_offset, record_key, payload,
                                     error_class, error_message)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            on conflict (channel, topic, record_partition, record_offset) do update
               set attempts = dead_letter.attempts + 1, last_failed_at = now(), error_class = excluded.error_class,
                   error_message = excluded.error_message, status = 'OPEN', replayed_at = null, discarded_at = null,
                   resolved_by = null""";

    @Inject
    DeadLetterConfig config;

    @Inject
    Instance<DeadLetterHandler> handlers;

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();
    private long timer = -1;
    /** Set when the service begins to stop: from then on a failure says nothing about the record. */
    private volatile boolean stopping;

    /** Guards one record of {@code handler}'s channel; return the answer from the {@code @Incoming} method. */
    public Uni<Void> guard(ConsumerRecord<String, String> record, DeadLetterHandler handler) {
        return guard(handler.channel(), record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), () -> handler.handle(record.key(), record.value()));
    }

    /**
     * Runs {@code work} for one record until it succeeds or fails permanently; a permanent failure
     * becomes a dead letter. Completes once the work's effects, or the dead letter, have committed, so
     * acknowledging then never loses a record; fails only if storing the dead letter fails permanently
     * (then the channel must stop rather than skip the record).
     */
    public Uni<Void> guard(String channel, String topic, int partition, long offset, String key, String payload,
            Supplier<Uni<Void>> work) {
        String what = channel + " record " + topic + "-" + partition + "@" + offset;
        return TransientRetry.of(what, work, config.initialBackoff(), config.maxBackoff())
                .onFailure().recoverWithUni(failure -> {
                    if (stopping || Transient.stopping(failure)) {
                        // The service is going away under the work (its pool closed): the record is left
                        // unacknowledged, so it is consumed again after the restart or by another instance.
                        Log.infof("%s not finished: the service is stopping; it is consumed again", what);
                        return Uni.createFrom().failure(failure);
                    }
                    Log.errorf(failure, "%s failed permanently; it is stored as a dead letter and the channel goes on",
                            what);
                    return TransientRetry.of("storing the dead letter of " + what,
                                    () -> store(channel, topic, partition, offset, key, payload, failure),
                                    config.initialBackoff(), config.maxBackoff())
                            .call(() -> refresh().onFailure().recoverWithNull());
                });
    }

    private Uni<Void> store(String channel, String topic, int partition, long offset, String key, String payload,
            Throwable failure) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(UPSERT)
                .setParameter(1, timeOrderedId()).setParameter(2, channel).setParameter(3, topic)
                .setParameter(4, partition).setParameter(5, offset).setParameter(6, storable(key))
                .setParameter(7, storable(payload)).setParameter(8, failure.getClass().getName())
                .setParameter(9, message(failure)).executeUpdate())).replaceWithVoid();
    }

    /**
     * Replays an open dead letter through its channel's handler. Success marks it REPLAYED; a permanent
     * failure leaves it OPEN, counts the try and answers 422 naming the error; a transient one is passed
     * on (503 through the problem mappers) and counts nothing.
     */
    public Uni<DeadLetter> replay(UUID id, String by) {
        return open(id).flatMap(d -> {
            DeadLetterHandler handler = handler(d.channel);
            if (handler == null) {
                return Uni.createFrom().failure(ProblemException.conflict(ProblemType.DEAD_LETTER_NO_HANDLER, "this service no "
                        + "longer consumes channel '" + Inputs.quote(d.channel) + "'; discard the dead letter instead"));
            }
            return Uni.createFrom().deferred(() -> handler.handle(d.key, d.payload))
                    .onFailure(f -> !Transient.is(f)).recoverWithUni(f -> {
                        Log.warnf(f, "replay of dead letter %s failed; it stays open", id);
                        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                        "update dead_letter set attempts = attempts + 1, last_failed_at = now(), "
                                                + "error_class = ?2, error_message = ?3 where id = ?1")
                                .setParameter(1, id).setParameter(2, f.getClass().getName())
                                .setParameter(3, message(f)).executeUpdate()))
                                .chain(() -> Uni.createFrom().failure(new ProblemException(ProblemType.DEAD_LETTER_REPLAY_FAILED,
                                        "the handler failed again (" + f.getClass().getSimpleName() + ": "
                                                + message(f) + "); the dead letter stays open", List.of())));
                    })
                    .chain(() -> resolve(id, DeadLetterStatus.REPLAYED, by));
        });
    }

    /** Gives up on an open dead letter: it stays in the table, marked DISCARDED with who did it. */
    public Uni<DeadLetter> discard(UUID id, String by) {
        return open(id).chain(d -> resolve(id, DeadLetterStatus.DISCARDED, by));
    }

    public Uni<DeadLetter> find(UUID id) {
        return Panache.withSession(() -> DeadLetter.<DeadLetter>findById(id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("dead letter " + id));
    }

    /** One page in id (that is, time) order, optionally of one status and channel; {@code limit + 1} rows tell whether more follow. */
    public Uni<List<DeadLetter>> page(DeadLetterStatus status, String channel, UUID after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (channel != null) {
            where.append(" and channel = :channel");
            params.put("channel", channel);
        }
        if (after != null) {
            where.append(" and id > :after");
            params.put("after", after);
        }
        return Panache.withSession(() -> DeadLetter.<DeadLetter>find(where + " order by id", params)
                .range(0, limit).list());
    }

    /** The channels this service consumes through a guard, and any that still has dead letters. */
    public Set<String> channels() {
        Set<String> channels = new TreeSet<>(open.keySet());
        handlers.forEach(h -> channels.add(h.channel()));
        return channels;
    }

    /** Open dead letters per channel, as last counted (at most {@code refresh-interval} old). */
    public Map<String, Long> openCounts() {
        Map<String, Long> counts = new TreeMap<>();
        open.forEach((channel, n) -> counts.put(channel, n.get()));
        return counts;
    }

    /** Counts the open dead letters again from the table. */
    public Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createSelectionQuery(
                        "select channel, count(*) from DeadLetter where status = :s group by channel", Object[].class)
                .setParameter("s", DeadLetterStatus.OPEN).getResultList()))
                .invoke(rows -> {
                    Map<String, Long> counted = new HashMap<>();
                    rows.forEach(r -> counted.put((String) r[0], ((Number) r[1]).longValue()));
                    channels().forEach(c -> open.computeIfAbsent(c, this::gauge).set(counted.getOrDefault(c, 0L)));
                    counted.forEach((c, n) -> open.computeIfAbsent(c, this::gauge).set(n));
                })
                .replaceWithVoid();
    }

    void start(@Observes StartupEvent event) {
        handlers.forEach(h -> open.computeIfAbsent(h.channel(), this::gauge));
        tick();
        timer = vertx.setPeriodic(config.refreshInterval().toMillis(), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void tick() {
        // Hibernate Reactive needs a duplicated context marked safe, as a request would have.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> refresh().subscribe().with(ok -> { },
                e -> Log.debugf("dead letters not counted this time: %s", e)));
    }

    private AtomicLong gauge(String channel) {
        AtomicLong n = new AtomicLong();
        Gauge.builder("tcm.dead.letters.open", n, AtomicLong::doubleValue)
                .description("Records a consumer could not apply and that wait for a replay or a discard")
                .tag("channel", channel).register(registry);
        return n;
    }

    private DeadLetterHandler handler(String channel) {
        for (DeadLetterHandler h : handlers) {
            if (h.channel().equals(channel)) {
                return h;
            }
        }
        return null;
    }

    private Uni<DeadLetter> open(UUID id) {
        return find(id).invoke(d -> {
            if (d.status != DeadLetterStatus.OPEN) {
                throw ProblemException.conflict(ProblemType.DEAD_LETTER_RESOLVED, "dead letter " + id + " is already "
                        + d.status + "; only an OPEN one can be replayed or discarded");
            }
        });
    }

    private Uni<DeadLetter> resolve(UUID id, DeadLetterStatus status, String by) {
        String column = status == DeadLetterStatus.REPLAYED ? "replayed_at" : "discarded_at";
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "update dead_letter set status = ?2, " + column + " = now(), resolved_by = ?3 "
                                + "where id = ?1 and status = 'OPEN'")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, by).executeUpdate()))
                .flatMap(n -> {
                    if (n == 0) {
                        // Someone else resolved it meanwhile; the replay's effects are harmless (handlers are idempotent).
                        return open(id);
                    }
                    return refresh().chain(() -> find(id));
                });
    }

    /** The error as kept and shown: class name, bounded message, no control characters. */
    static String message(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        return Inputs.abbreviate(String.valueOf(root.getMessage()), MAX_ERROR);
    }

    /** PostgreSQL text cannot hold NUL; such a record is not valid JSON either, so nothing is lost by replacing it. */
    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    /** Time-ordered (UUID version 7) so that keyset paging by id is paging by time and never skips a newer row. */
    static UUID timeOrderedId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
