package org.tcmeval.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The one JSON form of events on the wire. Unknown fields are ignored so that a consumer keeps
 * working when a producer adds fields within the same {@code dataversion}. A field without a value
 * is left out rather than written as {@code null}: the AsyncAPI (openapi/asyncapi.yaml) promises
 * "absent", the catalog's seeded technique events were already written that way, and a consumer
 * reading through this class sees {@code null} either way.
 */
public final class EventJson {

    /** Kafka header values every event carries: structured-mode CloudEvents JSON. */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String ID_HEADER = "ce_id";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private EventJson() {
    }

    public static String write(EventEnvelope<?> event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CloudEvents {@code type} of an event, to route it before reading its data. */
    public static String typeOf(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode type = MAPPER.readTree(json).get("type");
            return type == null ? "" : type.asText();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> EventEnvelope<T> read(String json, Class<T> payload) {
        JavaType type = MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, payload);
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
