package org.tcmeval.catalog.rest;

import org.tcmeval.support.problem.ProblemException;

/** Header parsing shared by the resources. */
final class Params {

    private Params() {
    }

    /** The revision an {@code If-Match} header names ({@code "3"} or {@code W/"3"}), or null without the header. */
    static Integer ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(header.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "etag", "If-Match must be the ETag you read, e.g. \"1\"");
        }
    }

    /**
     * The revision of an update's {@code If-Match}, which every update needs (428 without it), as in
     * every service: an unguarded change could silently undo one the caller has not seen.
     */
    static Integer requiredIfMatch(String header) {
        long revision = ProblemException.ifMatchRevision(header);
        if (revision > Integer.MAX_VALUE) {
            throw ProblemException.invalid("If-Match", "etag", "If-Match must be the ETag you read, e.g. \"1\"");
        }
        return (int) revision;
    }

    /** A query parameter naming an enum constant; 400 naming the parameter and the accepted values otherwise. */
    static <E extends Enum<E>> E enumeration(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "one-of", field + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
        }
    }

    static String etag(int revision) {
        return String.valueOf(revision);
    }

    /**
     * A technique list's scope: {@code 00} (national, the default) or a province's 2-digit code; with
     * {@code division} instead, the scope is resolved by the caller (the list in force there).
     */
    static String scope(String value) {
        if (value == null || value.isBlank()) {
            return "00";
        }
        String s = value.strip();
        if (!s.matches("\\d{2}")) {
            throw ProblemException.invalid("scope", "scope-code", "scope must be 00 (the national list) or a "
                    + "2-digit province code such as 45, not '" + value + "'");
        }
        return s;
    }
}
