package org.tcmeval.support.problem;

import java.util.List;

/**
 * Thrown by services and rules to answer with a specific problem; the single mapper turns it into
 * {@code application/problem+json}. Rules stay plain Java: they throw this, never a JAX-RS type.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Long retryAfterSeconds;

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type, detail, errors, null);
    }

    private ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors, Long retryAfterSeconds) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429: a limit per minute is spent; the answer says when to come back. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, detail, List.of(), Math.max(1, retryAfterSeconds));
    }

    /** Seconds for {@code Retry-After}, or null when the answer carries none. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public static ProblemException validation(List<Problem.FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION,
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid", errors);
    }

    public static ProblemException invalid(String field, String rule, String message) {
        return validation(List.of(new Problem.FieldError(field, rule, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist or is outside your jurisdiction");
    }

    public static ProblemException conflict(ProblemType type, String detail) {
        return new ProblemException(type, detail);
    }

    public static ProblemException unprocessable(String field, String rule, String message) {
        return new ProblemException(ProblemType.UNPROCESSABLE, message,
                List.of(new Problem.FieldError(field, rule, message)));
    }

    /** 428: a write that must name the version it changes came without If-Match. */
    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED, detail);
    }

    /** 412: the version named in If-Match is no longer the current one. */
    public static ProblemException stale(String detail) {
        return new ProblemException(ProblemType.REVISION_MISMATCH, detail);
    }

    /** 413: the request body is larger than the endpoint accepts. */
    public static ProblemException payloadTooLarge(String detail) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, detail);
    }

    /**
     * The revision an {@code If-Match: "<revision>"} header names; 428 without one, since an unguarded
     * write could silently undo a change the caller has not seen. If-Match compares strongly (RFC 9110
     * §13.1.1): a weak tag ({@code W/"3"}) never matches any representation, whether or not the
     * resource exists, so it is a 412 at once.
     */
    public static long ifMatchRevision(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            throw preconditionRequired("send If-Match with the ETag from GET (e.g. If-Match: \"3\") so that you do not "
                    + "overwrite a change you have not seen");
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            throw stale("If-Match uses strong comparison: a weak ETag (W/...) never matches; send the ETag exactly as "
                    + "GET returned it, e.g. \"3\"");
        }
        if (tag.matches("\"\\d{1,18}\"")) {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        }
        throw invalid("If-Match", Rules.ETAG, "If-Match must be one ETag as GET returned it, e.g. \"3\"");
    }

    public int status() {
        return type.status();
    }

    public ProblemType problemType() {
        return type;
    }

    /** The type's slug, e.g. {@code revision-mismatch}. */
    public String type() {
        return type.slug();
    }

    public String title() {
        return type.title();
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
