package org.tcmeval.events;

/**
 * Kafka topic names. Every record is keyed so that all events about one thing land in one
 * partition in order; the key of each topic is documented in {@code openapi/asyncapi.yaml}.
 */
public final class Topics {
    /** Compacted; key = institution id. */
    public static final String INSTITUTION_CHANGED = "institution-changed";
    /** Key = institution id, so corrections of one institution's reports stay ordered. */
    public static final String REPORT_SUBMITTED = "report-submitted";
    /** Key = {@code <scope division code or institution id>:<indicator>:<year>}. */
    public static final String TARGET_EVALUATED = "target-evaluated";

    private Topics() {
    }
}
