package org.tcmeval.support.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.tcmeval.support.persistence.BulkSql;
import org.tcmeval.support.persistence.SessionSql;
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

        /** The event as the outbox stores it: serialised once, e.g. ahead of the transaction that enqueues it. */
        public Serialized serialize() {
            return new Serialized(UUID.fromString(event.id()), topic, key, EventJson.write(event));
        }
    }

    /** An event already written as its JSON payload, for {@link #enqueueStatement}. */
    public record Serialized(UUID id, String topic, String key, String payload) {
    }

    /**
     * Enqueues many events in the caller's transaction with one statement per {@code chunkSize}
     * rows: a bulk import of a province is ~21,500 events, and one INSERT each would dominate it.
     */
    public Uni<Integer> enqueueAll(List<Pending> events, int chunkSize) {
        return enqueueSerialized(events.stream().map(Pending::serialize).toList(), chunkSize);
    }

    private Uni<Integer> enqueueSerialized(List<Serialized> events, int chunkSize) {
        return BulkSql.executeColumns(INSERT_ALL, chunkSize, columns(events));
    }

    /**
     * The statement that enqueues events serialised beforehand, for a writer that sends it with its
     * own ({@link SessionSql#updateAll}) in its transaction: a bulk job serialises a chunk's events
     * while the chunk before it is still being written, so its own transaction only sends them.
     */
    public static SessionSql.Statement enqueueStatement(List<Serialized> events) {
        return new SessionSql.Statement(SessionSql.positional(INSERT_ALL), (Object[]) columns(events));
    }

    // created_at: when the statement runs (not the transaction's start, now()), as it was when Java stamped it.
    private static final String INSERT_ALL = "insert into outbox_event (id, topic, record_key, payload, created_at)"
            + " select *, statement_timestamp() from " + BulkSql.unnest("uuid", "text", "text", "text");

    private static Object[][] columns(List<Serialized> events) {
        return new Object[][] {events.stream().map(Serialized::id).toArray(UUID[]::new),
                events.stream().map(Serialized::topic).toArray(String[]::new),
                events.stream().map(Serialized::key).toArray(String[]::new),
                events.stream().map(Serialized::payload).toArray(String[]::new)};
    }

    /**
     * Enqueues one event. A plain statement on the session's connection rather than an entity: the
     * entity's identity key made Hibernate insert it at once, with its own round of persist events,
     * on every single submission. It flushes the session's pending writes first, so a constraint they
     * break (a unique key lost to a race) fails here, inside the caller's chain, as it did before.
     */
    public Uni<Void> enqueue(String topic, String key, EventEnvelope<?> event) {
        return SessionSql.update("insert into outbox_event (id, topic, record_key, payload, created_at)"
                + " values ($1, $2, $3, $4, statement_timestamp())", UUID.fromString(event.id()), topic, key,
                EventJson.write(event)).replaceWithVoid();
    }
}
