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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        // Hibernate Reactive needs a duplicated context marked safe, as a request would have.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> publishBatch()
                .ifNoItem().after(ROUND_TIMEOUT).fail()
                .onTermination().invoke(() -> running.set(false))
                .subscribe().with(n -> { }, e -> Log.warnf(e, "outbox round failed; retrying next round")));
    }

    /** Publishes one batch; answers how many rows were published. Call on a safe Vert.x context. */
    public Uni<Integer> publishBatch() {
        Context context = Vertx.currentContext();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s
                .createNativeQuery("select * from outbox_event where published_at is null order by seq "
                        + "limit :n for update skip locked", OutboxEvent.class)
                .setParameter("n", config.batchSize())
                .getResultList())
                .flatMap(rows -> rows.isEmpty() ? Uni.createFrom().item(0) : send(rows, context)));
    }

    private Uni<Integer> send(List<OutboxEvent> rows, Context context) {
        // KafkaProducer.send blocks while it has no metadata (broker down), so sending happens on a
        // worker; executeBlocking brings the result back to this context for the session's sake.
        return Uni.createFrom().completionStage(() -> context.executeBlocking(() -> sendAll(rows), true)
                        .toCompletionStage())
                .map(errors -> {
                    int published = 0;
                    OffsetDateTime now = OffsetDateTime.now();
                    for (int i = 0; i < rows.size(); i++) {
                        OutboxEvent row = rows.get(i);
                        if (i < errors.size() && errors.get(i) == null) {
                            row.publishedAt = now;
                            row.attempts++;
                            published++;
                        } else if (i < errors.size()) {
                            row.attempts++;
                            row.lastError = errors.get(i);
                        }
                    }
                    Log.debugf("outbox: published %d of %d", published, rows.size());
                    return published;
                });
    }

    /** One entry per row tried, null when acknowledged; stops at the first failure so a dead broker costs one timeout. */
    private List<String> sendAll(List<OutboxEvent> rows) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        List<String> errors = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            try {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.recordKey, row.payload);
                record.headers().add(EventJson.CONTENT_TYPE_HEADER, EventJson.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                record.headers().add(EventJson.ID_HEADER, row.id.toString().getBytes(StandardCharsets.UTF_8));
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
