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
        com.fasterxml.jackson.databind.JsonNode type = Json.tree(json).get("type");
        return type == null ? "" : type.asText();
    }

    public static <T> EventEnvelope<T> read(String json, Class<T> payload) {
        return Json.read(json, Json.MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, payload));
    }
}
