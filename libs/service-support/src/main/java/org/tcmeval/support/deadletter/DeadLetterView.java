package org.tcmeval.support.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.support.text.Inputs;

/**
 * A dead letter as the admin API shows it. No class-level {@code @Schema}: that would put the schema in
 * the OpenAPI document of every service, consuming or not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(
        @Schema(example = "019acb3e-5f1d-7c2a-9b1e-6d0f4c2a8e11") UUID id,
        @Schema(description = "Consumer channel whose handler failed", example = "technique-changed") String channel,
        @Schema(example = "technique-changed") String topic,
        @Schema(example = "0") int partition,
        @Schema(example = "42") long offset,
        @Schema(description = "Record key", example = "00/ACUPUNCTURE") String key,
        @Schema(description = "Record value; in a list at most 1,000 characters, whole from GET by id")
        String payload,
        @Schema(description = "Length of the whole record value in characters", example = "20") Integer payloadLength,
        @Schema(description = "Java class of the last error", example = "java.io.UncheckedIOException")
        String errorClass,
        @Schema(description = "Message of the last error, at most ~500 characters",
                example = "com.fasterxml.jackson.core.JsonParseException: Unexpected character ('n' (code 110))") String errorMessage,
        @Schema(description = "Times the handler failed on this record (deliveries and replays)", example = "1")
        int attempts,
        DeadLetterStatus status,
        OffsetDateTime firstFailedAt,
        OffsetDateTime lastFailedAt,
        OffsetDateTime replayedAt,
        OffsetDateTime discardedAt,
        @Schema(description = "Who replayed or discarded it (token subject)") String resolvedBy) {

    static final int PREVIEW = 1000;

    static DeadLetterView of(DeadLetter d, boolean wholePayload) {
        String payload = d.payload == null || wholePayload ? d.payload : Inputs.abbreviate(d.payload, PREVIEW);
        return new DeadLetterView(d.id, d.channel, d.topic, d.partition, d.offset, d.key, payload,
                d.payload == null ? null : d.payload.length(), d.errorClass, d.errorMessage, d.attempts, d.status,
                d.firstFailedAt, d.lastFailedAt, d.replayedAt, d.discardedAt, d.resolvedBy);
    }
}
