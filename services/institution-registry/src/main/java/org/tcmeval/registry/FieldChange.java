package org.tcmeval.registry;

/** One field of one change in an institution's history; values are as the API writes them (ISO dates, enum names). */
public record FieldChange(String field, String oldValue, String newValue) {
}
