package org.tcmeval.support.http;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.Rules;

/**
 * Query parameters and headers that resources read as text and convert here, so that a bad value is
 * a 400 naming the parameter and the rule, the same in every service (JAX-RS itself would answer a
 * bare 404 for a query parameter it cannot convert).
 */
public final class RequestParams {

    private RequestParams() {
    }

    /** A whole number within {@code [min, max]}, or {@code fallback} when absent. */
    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, with the same message as a number out of range
        }
        throw ProblemException.invalid(name, Rules.RANGE, name + " must be a whole number from " + min + " to " + max);
    }

    /** {@code true} or {@code false} in any case; absent is false. */
    public static boolean bool(String name, String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.invalid(name, Rules.ONE_OF, name + " must be true or false");
    }

    /** One enum constant by its exact name, or {@code null} when absent. */
    public static <E extends Enum<E>> E enumeration(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(v)) {
                return constant;
            }
        }
        throw ProblemException.invalid(name, Rules.ONE_OF, name + " must be one of "
                + Arrays.toString(type.getEnumConstants()) + ", not '" + org.tcmeval.support.text.Inputs.quote(v) + "'");
    }

    /**
     * Repeated ({@code status=A&status=B}) or comma-separated ({@code status=A,B}) constants. The set
     * iterates in declaration order, so a cursor built from it has one form however the client wrote it.
     */
    public static <E extends Enum<E>> Set<E> enums(String name, List<String> values, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        if (values != null) {
            values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty())
                    .forEach(v -> result.add(enumeration(name, v, type)));
        }
        return result;
    }

    /** A GB/T 2260 code prefix of 2, 4, 6 or 9 digits (province, city, county, township), or null. */
    public static String divisionPrefix(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
            throw ProblemException.invalid(name, "division-code", name + " must be a 2, 4, 6 or 9 digit division code");
        }
        return value;
    }

    /**
     * The revision an update's {@code If-Match} names. Every update needs it (428 without it), in every
     * service: an unguarded change could silently undo one the caller has not seen.
     */
    public static long ifMatch(String header) {
        return ProblemException.ifMatchRevision(header);
    }

    /**
     * The revision of a create-or-replace's {@code If-Match}: absent (null) creates, present must match
     * the current revision.
     */
    public static Integer optionalIfMatch(String header) {
        return header == null || header.isBlank() ? null : ifMatchInt(header);
    }

    /** {@link #ifMatch} for resources whose revisions are {@code int}s. */
    public static int ifMatchInt(String header) {
        long revision = ifMatch(header);
        if (revision > Integer.MAX_VALUE) {
            throw ProblemException.invalid("If-Match", Rules.ETAG, "If-Match must be the ETag you read, e.g. \"1\"");
        }
        return (int) revision;
    }

    /** The strong entity tag of a revision, as {@code ETag} carries it and {@code If-Match} returns it. */
    public static String etag(long revision) {
        return String.valueOf(revision);
    }
}
