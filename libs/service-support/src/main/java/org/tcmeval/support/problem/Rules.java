package org.tcmeval.support.problem;

import java.lang.annotation.Annotation;

/**
 * The names of the generic rules a field error can break, one name per check whichever service,
 * layer or library makes it: a client script branches on {@code errors[].rule}, so "not one of the
 * allowed values" must not be {@code enum} in one service and {@code one-of} in another. Rules that
 * belong to one domain check ({@code covers-division}, {@code within-reporting-window}) keep their
 * own names at the place that checks them.
 */
public final class Rules {

    /** The value is missing or blank. */
    public static final String REQUIRED = "required";
    /** The value is not one of the listed constants. */
    public static final String ONE_OF = "one-of";
    /** A number outside its bounds (inclusive), or a count of items out of bounds. */
    public static final String RANGE = "range";
    /** A text or list longer (or shorter) than allowed. */
    public static final String LENGTH = "length";
    /** A text not of the required form (a code, a date, a pattern). */
    public static final String FORMAT = "format";
    /** A JSON value of the wrong kind (a string where a number is meant). */
    public static final String TYPE = "type";
    /** A body or file that is not UTF-8. */
    public static final String UTF_8 = "utf-8";
    /** A body that is not JSON, or not the JSON object this operation reads. */
    public static final String JSON_SYNTAX = "json-syntax";
    /** The entity tag of {@code If-Match} is malformed. */
    public static final String ETAG = "etag";

    private Rules() {
    }

    /**
     * The rule of a Bean Validation constraint, in this vocabulary; a constraint of our own keeps its
     * kebab-cased name (e.g. {@code @ValidCursor} becomes {@code valid-cursor}).
     */
    public static String of(Class<? extends Annotation> constraint) {
        return switch (constraint.getSimpleName()) {
            case "NotNull", "NotBlank", "NotEmpty" -> REQUIRED;
            case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero",
                    "Digits" -> RANGE;
            case "Size" -> LENGTH;
            case "Pattern", "Email" -> FORMAT;
            default -> constraint.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        };
    }
}
