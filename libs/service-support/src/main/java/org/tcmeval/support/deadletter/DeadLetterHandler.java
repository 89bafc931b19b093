package org.tcmeval.support.deadletter;

import io.smallrye.mutiny.Uni;

/**
 * The handler of one Kafka channel, as a bean, so that a dead letter can be replayed through the same
 * code that failed on it. A consumer implements it and calls it from its {@code @Incoming} method
 * through {@link DeadLetters#guard}:
 *
 * <pre>{@code
 * @Incoming("technique-changed")
 * public Uni<Void> onTechniqueChanged(ConsumerRecord<String, String> record) {
 *     return deadLetters.guard(record, this);
 * }
 * }</pre>
 */
public interface DeadLetterHandler {

    /** The channel name as in {@code mp.messaging.incoming.<channel>}. */
    String channel();

    /**
     * Applies one record and completes once its effects have committed. Must be idempotent: a record
     * may come again (re-delivery after a crash, a replay of a dead letter).
     */
    Uni<Void> handle(String key, String payload);
}
