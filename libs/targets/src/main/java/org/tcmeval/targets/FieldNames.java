package org.tcmeval.targets;

import java.util.regex.Pattern;

/** The shapes of names this package accepts, checked in one place so every record agrees. */
final class FieldNames {

    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private FieldNames() {
    }

    /** A report field or fact name: lowerCamelCase, as it appears in a report's JSON {@code figures}. */
    static boolean isValid(String name) {
        return name != null && FIELD.matcher(name).matches();
    }

    /** An indicator code: UPPER_SNAKE_CASE. */
    static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
