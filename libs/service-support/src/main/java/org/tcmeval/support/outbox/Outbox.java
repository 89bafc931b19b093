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
        // created_at: when the statement runs (not the transaction's start, now()), as it was when Java stamped it.
        return BulkSql.executeColumns("insert into outbox_event (id, topic, record_key, payload, created_at)"
                + " select *, statement_timestamp() from " + BulkSql.unnest("uuid", "text", "text", "text"), chunkSize,
                events.stream().map(e -> UUID.fromString(e.event().id())).toArray(UUID[]::new),
                events.stream().map(Pending::topic).toArray(String[]::new),
                events.stream().map(Pending::key).toArray(String[]::new),
                events.stream().map(e -> EventJson.write(e.event())).toArray(String[]::new));
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
