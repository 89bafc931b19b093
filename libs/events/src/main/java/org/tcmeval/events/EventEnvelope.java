package org.tcmeval.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the context attributes (id, source, type,
 * subject, time) around a versioned payload. Consumers de-duplicate on {@code id}.
 *
 * @param dataversion version of the payload schema named by {@code type}; bumped on breaking change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        int dataversion,
        T data) {

    public static final String SPEC_VERSION = "1.0";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    public static <T> EventEnvelope<T> of(String source, String type, String subject, int dataversion, T data) {
        return new EventEnvelope<>(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject,
                OffsetDateTime.now(), "application/json", dataversion, data);
    }
}
