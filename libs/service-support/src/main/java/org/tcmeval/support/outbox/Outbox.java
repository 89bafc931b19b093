package org.tcmeval.support.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventJson;

/**
 * Enqueues an event in the caller's transaction. Call it inside the same
 * {@code Panache.withTransaction} that changes the state the event describes: both commit or
 * neither does, which is what makes publication lossless.
 */
@ApplicationScoped
public class Outbox {

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
