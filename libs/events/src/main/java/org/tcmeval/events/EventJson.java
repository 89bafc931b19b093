package org.tcmeval.events;

/**
 * Events on the wire, in the suite's one JSON configuration ({@link Json}): unknown fields are
 * ignored so that a consumer keeps working when a producer adds fields within the same
 * {@code dataversion}, and a field without a value is left out rather than written as {@code null}
 * (the AsyncAPI, openapi/asyncapi.yaml, promises "absent"; a consumer reading through this class
 * sees {@code null} either way).
 */
public final class EventJson {

    /** Kafka header values every event carries: structured-mode CloudEvents JSON. */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String ID_HEADER = "ce_id";

    private EventJson() {
    }

    public static String write(EventEnvelope<?> event) {
        return Json.write(event);
    }

    /** The CloudEvents {@code type} of an event, to route it before reading its data. */
    public static String typeOf(String json) {
        // Streamed up to the field, the rest skipped unread: a consumer routes thousands of events a
        // poll, and a whole tree per event (then read again into its record) cost as much as the reading.
        try (com.fasterxml.jackson.core.JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return "";
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                com.fasterxml.jackson.core.JsonToken value = p.nextToken();
                if ("type".equals(name)) {
                    return value == com.fasterxml.jackson.core.JsonToken.VALUE_NULL ? "" : p.getValueAsString("");
                }
                p.skipChildren();
            }
            return "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static <T> EventEnvelope<T> read(String json, Class<T> payload) {
        return Json.read(json, Json.MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, payload));
    }
}
