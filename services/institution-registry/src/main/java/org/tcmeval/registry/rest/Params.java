package org.tcmeval.registry.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tcmeval.support.problem.ProblemException;

/**
 * Query parameters and headers read by hand, so that a bad value is a 400 naming the parameter
 * (JAX-RS would answer 404 for an unconvertible query parameter).
 */
final class Params {

    private Params() {
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "range", name + " must be a whole number from " + min + " to " + max);
    }

    static boolean bool(String name, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.invalid(name, "boolean", name + " must be true or false");
    }

    /** Repeated ({@code type=THC&type=CHSC}) or comma-separated ({@code type=THC,CHSC}); sorted, so the cursor sees one form. */
    static <E extends Enum<E>> Set<E> enums(String name, List<String> values, Class<E> type) {
        Set<E> result = new TreeSet<>();
        if (values != null) {
            values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty())
                    .forEach(v -> result.add(enumeration(name, v, type)));
        }
        return result;
    }

    static <E extends Enum<E>> E enumeration(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "enum", name + " '" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    static String divisionPrefix(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
            throw ProblemException.invalid(name, "division-code", name + " must be a 2, 4, 6 or 9 digit division code");
        }
        return value;
    }

    /** The revision an {@code If-Match: "<revision>"} names; see {@link ProblemException#ifMatchRevision}. */
    static long ifMatch(String header) {
        return ProblemException.ifMatchRevision(header);
    }
}
