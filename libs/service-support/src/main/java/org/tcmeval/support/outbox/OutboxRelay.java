package org.tcmeval.support.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes outbox rows to Kafka in insertion order and marks them published once the broker has
 * acknowledged them. Rows stay in the table while the broker is down and go out when it is back.
 * Several instances can run: {@code FOR UPDATE SKIP LOCKED} hands each row to one of them.
 * Delivery is at least once; consumers de-duplicate on the CloudEvents id.
 */
@ApplicationScoped
public class OutboxRelay {

    @Inject
    @Channel("outbox")
    MutinyEmitter<String> emitter;

    @Inject
    OutboxConfig config;

    @Scheduled(every = "${tcm.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class)
    Uni<Void> relay() {
        return publishBatch().replaceWithVoid();
    }

    /** Publishes one batch; answers how many rows were published. */
    public Uni<Integer> publishBatch() {
        Context context = Vertx.currentContext();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s
                .createNativeQuery("select * from outbox_event where published_at is null order by seq "
                        + "limit :n for update skip locked", OutboxEvent.class)
                .setParameter("n", config.batchSize())
                .getResultList())
                .flatMap(rows -> send(rows, context)));
    }

    private Uni<Integer> send(List<OutboxEvent> rows, Context context) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<String>> sends = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            sends.add(sendOne(row));
        }
        // Kafka acknowledges on its own threads; the reactive session may only be touched on the
        // Vert.x context that opened it, so the bookkeeping hops back there.
        return Uni.join().all(sends).andCollectFailures()
                .emitOn(r -> context.runOnContext(ignored -> r.run()))
                .map(errors -> {
                    int published = 0;
                    OffsetDateTime now = OffsetDateTime.now();
                    for (int i = 0; i < rows.size(); i++) {
                        OutboxEvent row = rows.get(i);
                        row.attempts++;
                        if (errors.get(i) == null) {
                            row.publishedAt = now;
                            published++;
                        } else {
                            row.lastError = errors.get(i);
                        }
                    }
                    Log.debugf("outbox: published %d of %d", published, rows.size());
                    return published;
                });
    }

    /** Sends one row; answers null on success, else the reason it failed (the row is retried next round). */
    private Uni<String> sendOne(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", row.id.toString().getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic).withKey(row.recordKey).withHeaders(headers).build());
        return emitter.sendMessage(message)
                .map(ignored -> (String) null)
                .onFailure().recoverWithItem(e -> {
                    Log.debugf("outbox: %s to %s not yet published: %s", row.id, row.topic, e.getMessage());
                    return String.valueOf(e.getMessage());
                });
    }

    /** Lets configuration switch the scheduled relay off. */
    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {
        @Inject
        OutboxConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
