package org.tcmeval.support.deadletter;

/** Where a dead letter stands. */
public enum DeadLetterStatus {
    /** Not applied; waiting for a replay or a discard. */
    OPEN,
    /** Applied by a replay. */
    REPLAYED,
    /** Given up on by an administrator. */
    DISCARDED
}
