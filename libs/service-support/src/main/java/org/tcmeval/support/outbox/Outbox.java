package org.tcmeval.support.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tcmeval.support.persistence.BulkSql;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventJson;

/**
 * Enqueues an event in the caller's transaction. Call it inside the same
 * {@code Panache.withTransaction} that changes the state the event describes: both commit or
 * neither does, which is what makes publication lossless.
 */
@ApplicationScoped
public class Outbox {

    /** An event waiting to be enqueued with {@link #enqueueAll}. */
    public record Pending(String topic, String key, EventEnvelope<?> event) {
    }

    /**
     * Enqueues many events in the caller's transaction with one statement per {@code chunkSize}
     * rows: a bulk import of a province is ~21,500 events, and one INSERT each would dominate it.
     */
    public Uni<Integer> enqueueAll(List<Pending> events, int chunkSize) {
        OffsetDateTime now = OffsetDateTime.now();
        Uni<Integer> total = Uni.createFrom().item(0);
        for (int from = 0; from < events.size(); from += chunkSize) {
            List<Pending> chunk = events.subList(from, Math.min(events.size(), from + chunkSize));
            // Payloads are encoded chunk by chunk, when the chunk is sent, and once: they travel as a text array.
            total = total.flatMap(n -> {
                int size = chunk.size();
                String[] ids = new String[size];
                String[] topics = new String[size];
                String[] keys = new String[size];
                String[] payloads = new String[size];
                for (int i = 0; i < size; i++) {
                    Pending e = chunk.get(i);
                    ids[i] = e.event().id();
                    topics[i] = e.topic();
                    keys[i] = e.key();
                    payloads[i] = EventJson.write(e.event());
                }
                return BulkSql.unnest("insert into outbox_event (id, topic, record_key, payload, created_at) "
                        + "select cast(r.id as uuid), r.topic, r.record_key, r.payload, a.at from unnest(cast(?1 as text[]), "
                        + "cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[])) as r(id, topic, record_key, payload), "
                        + "(select cast(?5 as timestamptz) as at) a", ids, topics, keys, payloads, now).map(m -> n + m);
            });
        }
        return total;
    }

    public Uni<OutboxEvent> enqueue(String topic, String key, EventEnvelope<?> event) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.fromString(event.id());
        row.topic = topic;
        row.recordKey = key;
        row.payload = EventJson.write(event);
        row.createdAt = OffsetDateTime.now();
        return row.persist();
    }
}
