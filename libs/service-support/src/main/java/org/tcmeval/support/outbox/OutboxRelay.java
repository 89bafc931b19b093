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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tcmeval.events.EventJson;
import org.tcmeval.support.memory.IdleHeapTrimmer;
import org.tcmeval.support.persistence.BulkSql;

/**
 * Publishes outbox rows to Kafka in insertion order and marks them published once the broker has
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

    private final AtomicBoolean running = new AtomicBoolean();
    private KafkaProducer<String, String> producer;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // A round is thousands of records: larger batches mean fewer requests waiting on acks=all
        // (16 KB held ~15 events); the buffer stays below the default 32 MB, which the relay never needs.
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(16 * 1024 * 1024));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(config.sendTimeout().toMillis()));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(config.sendTimeout().toMillis()));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(config.sendTimeout().toMillis() + 5));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        producer = new KafkaProducer<>(p);
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Starts a round now instead of at the next tick: a writer that has just committed many events
     * (a bulk job) has them on their way without waiting for the timer. A round already running
     * goes on by itself while its rounds come back full.
     */
    public void kick() {
        if (producer != null) {
            tick();
        }
    }

    private void tick() {
        if (running.compareAndSet(false, true)) {
            round(false);
        }
    }

    /**
     * Runs rounds back to back while they come back full (a bulk job's backlog), then waits for the
     * timer. The end of a backlog is the end of the writer's burst as far as memory goes (reporting's
     * job has committed seconds before its events are out, and publishing them grows the heap again),
     * so that is when the heap is given back rather than after the trimmer's quiet period.
     */
    private void round(boolean backlog) {
        // Hibernate Reactive needs a duplicated context marked safe, as a request would have.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> publishBatch()
                .ifNoItem().after(ROUND_TIMEOUT).fail()
                .subscribe().with(n -> {
                    if (n >= config.batchSize()) {
                        round(true);
                    } else {
                        running.set(false);
                        if (backlog && config.trimAfterBacklog()) {
                            trimmer.requestTrim();
                        }
                    }
                }, e -> {
                    running.set(false);
                    Log.warnf(e, "outbox round failed; retrying next round");
                }));
    }

    /** Publishes one batch; answers how many rows were published. Call on a safe Vert.x context. */
    public Uni<Integer> publishBatch() {
        Context context = Vertx.currentContext();
        // Rows are read as plain columns and marked with one statement: a round of thousands of
        // events loaded and dirty-checked as entities cost more than sending them.
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s
                .createNativeQuery("select seq, topic, record_key, payload, cast(id as text) from outbox_event "
                        + "where published_at is null order by seq limit :n for update skip locked", Object[].class)
                .setParameter("n", config.batchSize())
                .getResultList())
                .map(rows -> rows.stream().map(Row::of).toList())
                .flatMap(rows -> rows.isEmpty() ? Uni.createFrom().item(0) : send(rows, context)));
    }

    /** An outbox row as the relay needs it. */
    private record Row(long seq, String topic, String key, String payload, String id) {
        static Row of(Object[] c) {
            return new Row(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3], (String) c[4]);
        }
    }

    private Uni<Integer> send(List<Row> rows, Context context) {
        // KafkaProducer.send blocks while it has no metadata (broker down), so sending happens on a
        // worker; executeBlocking brings the result back to this context for the session's sake.
        return Uni.createFrom().completionStage(() -> context.executeBlocking(() -> sendAll(rows), true)
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
                    Uni<Integer> marked = published.isEmpty() ? Uni.createFrom().item(0) : Panache.getSession()
                            .flatMap(s -> s.createNativeQuery("update outbox_event set published_at = clock_timestamp(), "
                                    + "attempts = attempts + 1 where seq = any(cast(?1 as bigint[]))")
                                    .setParameter(1, published.toArray(Long[]::new)).executeUpdate());
                    Uni<Integer> noted = failed.isEmpty() ? Uni.createFrom().item(0) : Panache.getSession()
                            .flatMap(s -> s.createNativeQuery("update outbox_event o set attempts = o.attempts + 1, "
                                    + "last_error = x.error from " + BulkSql.ROWS + " as x(seq bigint, error text) "
                                    + "where o.seq = x.seq").setParameter(1, BulkSql.json(failed)).executeUpdate());
                    return marked.flatMap(n -> noted.replaceWith(published.size()));
                });
    }

    /** One entry per row tried, null when acknowledged; stops at the first failure so a dead broker costs one timeout. */
    private List<String> sendAll(List<Row> rows) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        List<String> errors = new ArrayList<>(rows.size());
        for (Row row : rows) {
            try {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                record.headers().add(EventJson.CONTENT_TYPE_HEADER, EventJson.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                record.headers().add(EventJson.ID_HEADER, row.id().getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            } catch (RuntimeException e) {
                break;
            }
        }
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get(config.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
                errors.add(null);
            } catch (Exception e) {
                errors.add(String.valueOf(e.getMessage()));
            }
        }
        return errors;
    }
}
