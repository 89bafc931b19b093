package org.tcmeval.events;

/**
 * Kafka topic names. Every record is keyed so that all events about one thing land in one
 * partition in order; the key of each topic is documented in {@code openapi/asyncapi.yaml}.
 */
public final class Topics {
    /** Compacted; key = institution id. */
    public static final String INSTITUTION_CHANGED = "institution-changed";
    /** Compacted; key = division code. Each record holds the division's population of every year. */
    public static final String DIVISION_CHANGED = "division-changed";
    /** Key = institution id, so corrections of one institution's reports stay ordered. */
    public static final String REPORT_SUBMITTED = "report-submitted";
    /** Key = {@code <scope division code or institution id>:<indicator>:<year>}. */
    public static final String TARGET_EVALUATED = "target-evaluated";
    /** Compacted; key = profile id. Each record holds every revision of the profile, so compaction loses no history. */
    public static final String CATALOG_CHANGED = "catalog-changed";
    /**
     * Compacted; key = technique class code for the national list, {@code <province>:<class code>} for a
     * province's list (see {@link TechniqueClassChanged#key}). Each record holds the class with all its
     * items, retired ones included.
     */
    public static final String TECHNIQUE_CHANGED = "technique-changed";

    private Topics() {
    }
}
