package org.tcmeval.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details. {@code errors} extends the standard members with one entry per
 * offending field, so a client can highlight the field and quote the rule it broke.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details; every 4xx and 5xx answer has this shape.")
public record Problem(
        @Schema(description = "The problem type, the identifier to branch on: a URI reference resolved against the"
                + " answer's URL (so `/problems/validation` from `https://host/api/v1/reports` is"
                + " `https://host/problems/validation`), where the service serves a page saying what the problem means"
                + " and what to do about it", format = "uri-reference", example = "/problems/validation")
        URI type,
        @Schema(description = "Short, stable summary of the problem type", example = "Request is invalid")
        String title,
        @Schema(description = "HTTP status code", example = "400")
        int status,
        @Schema(description = "What went wrong with this request", example = "2 fields are invalid")
        String detail,
        @Schema(description = "The request path", example = "/api/v1/reports")
        String instance,
        @Schema(description = "Offending fields, one entry per broken rule")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * @param field JSON path or parameter name, e.g. {@code figures.physicians}
     * @param rule machine-readable rule name, e.g. {@code range}, {@code required}, {@code uscc-check-character}
     * @param message human-readable explanation
     */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "figures.tcmPhysicians") String field,
            @Schema(example = "not-greater-than-physicians") String rule,
            @Schema(example = "must not exceed physicians (8)") String message) {
    }
}
