package org.tcmeval.registry.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventJson;

/**
 * Enqueues many events in the caller's transaction, into the shared {@code outbox_event} table
 * that {@code Outbox} writes one row at a time. A bulk import of a province is ~21,500 events;
 * one INSERT per event would dominate the import time. Same columns, same meaning, so the shared
 * relay publishes them like any other row.
 */
@ApplicationScoped
public class OutboxRows {

    public record Pending(String topic, String key, EventEnvelope<?> event) {
    }

    public Uni<Integer> enqueueAll(List<Pending> events, int chunkSize) {
        String now = OffsetDateTime.now().toString();
        List<Map<String, Object>> rows = events.stream().map(e -> Map.<String, Object>of(
                "id", e.event().id(), "topic", e.topic(), "record_key", e.key(), "payload", EventJson.write(e.event()),
                "created_at", now)).toList();
        return BulkSql.execute("insert into outbox_event (id, topic, record_key, payload, created_at) "
                + "select id, topic, record_key, payload, created_at from " + BulkSql.ROWS
                + " as r(id uuid, topic text, record_key text, payload text, created_at timestamptz)", rows, chunkSize);
    }
}
