package org.tcmeval.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration of the suite, for HTTP bodies, events and the JSON the services store:
 * <ul>
 *   <li>dates and times as ISO 8601 text ({@code 2025-01-31}, {@code 2025-01-31T08:00:00+08:00}),
 *       never epoch numbers, and an offset is kept as written, not moved to the server's zone;</li>
 *   <li>decimals exact: a JSON number read into a tree is a {@code BigDecimal}, never a
 *       {@code double}, and is written as plain digits, never in exponent form;</li>
 *   <li>unknown properties: what we read from our own events and columns tolerates a property it
 *       does not know (a producer may add one within the same {@code dataversion}); a request body
 *       refuses it (the HTTP mapper adds that, with the other intake rules, in
 *       {@code org.tcmeval.support.json.StrictJson}) because a misspelt field silently dropped is a
 *       figure lost.</li>
 * </ul>
 * {@link #MAPPER} is the tolerant reader and writer of events and stored JSON, and leaves out a
 * property without a value (the AsyncAPI documents optional event fields as absent); services use
 * it rather than an {@code ObjectMapper} of their own. Answers to HTTP requests keep {@code null}
 * members, which the OpenAPI documents.
 */
public final class Json {

    public static final ObjectMapper MAPPER = configure(new ObjectMapper())
            // Members without a value are left out; entries of a map (report figures) are kept, null included,
            // because a null figure says something an absent one does not.
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.ALWAYS))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** Applies the shared settings (dates, decimals) to a mapper, e.g. Quarkus's own. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, JavaType type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
