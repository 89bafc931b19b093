package org.tcmeval.support.text;

/**
 * What a client sent, as the services may store it and quote it back. Plain Java, so the rules are
 * tested without Quarkus.
 */
public final class Inputs {

    /** Longest rendering of a client's value inside a message; a message must not grow with the input. */
    public static final int MAX_QUOTED = 40;
    /** Longest message or detail a problem carries, whatever produced it. */
    public static final int MAX_MESSAGE = 500;

    private Inputs() {
    }

    /**
     * The value cut to {@link #MAX_QUOTED} characters, saying how long it was, so that a 2 MB number
     * is quoted as {@code 1E+1000000} but a 1 MB string as its first characters and its length.
     */
    public static String quote(Object value) {
        return abbreviate(String.valueOf(value), MAX_QUOTED);
    }

    /** At most about {@code max} characters; never splits a surrogate pair, and control characters are escaped. */
    public static String abbreviate(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 24);
        int i = 0;
        while (i < text.length() && sb.length() < max) {
            int cp = text.codePointAt(i);
            if (cp < 0x20 || cp == 0x7f || Character.getType(cp) == Character.SURROGATE) {
                // A NUL or a lone surrogate in a problem would break the answer's own JSON consumers.
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        if (i < text.length()) {
            sb.append("…(").append(text.length()).append(" chars)");
        }
        return sb.toString();
    }

    /**
     * The rule a piece of text breaks, or {@code null}: PostgreSQL cannot store a NUL in text (it
     * answers with an error), and a lone surrogate has no UTF-8 form (it would be stored as "?").
     */
    public static String textRule(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return NUL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return LONE_SURROGATE;
                }
            } else if (Character.isLowSurrogate(c)) {
                return LONE_SURROGATE;
            }
        }
        return null;
    }

    public static final String NUL = "no-nul-character";
    public static final String LONE_SURROGATE = "no-lone-surrogate";

    /** The message for a {@link #textRule} violation of {@code field}. */
    public static String textMessage(String field, String rule) {
        return NUL.equals(rule)
                ? field + " must not contain the NUL character (U+0000)"
                : field + " must be valid Unicode text (it contains a lone surrogate, which has no UTF-8 form)";
    }
}
