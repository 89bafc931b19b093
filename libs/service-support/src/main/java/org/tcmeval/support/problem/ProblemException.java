package org.tcmeval.support.problem;

import java.util.List;

/**
 * Thrown by services and rules to answer with a specific problem; the single mapper turns it into
 * {@code application/problem+json}. Rules stay plain Java: they throw this, never a JAX-RS type.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException validation(List<Problem.FieldError> errors) {
        return new ProblemException(400, "validation", "Request is invalid",
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid", errors);
    }

    public static ProblemException invalid(String field, String rule, String message) {
        return validation(List.of(new Problem.FieldError(field, rule, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist or is outside your jurisdiction",
                List.of());
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail, List.of());
    }

    public static ProblemException unprocessable(String field, String rule, String message) {
        return new ProblemException(422, "unprocessable", "Request cannot be processed", message,
                List.of(new Problem.FieldError(field, rule, message)));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
