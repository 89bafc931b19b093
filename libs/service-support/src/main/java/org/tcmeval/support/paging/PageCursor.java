package org.tcmeval.support.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.tcmeval.support.problem.ProblemException;

/**
 * The opaque {@code cursor} of a list: the last id of the page and a fingerprint of the filters it
 * was made for. Keyset paging on the id never repeats or skips a row when rows are inserted
 * between two pages; the fingerprint catches a cursor reused with other filters.
 */
public record PageCursor(UUID after, String filters) {

    private static final String VERSION = "1";

    public String encode() {
        String raw = VERSION + "." + after + "." + filters;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor for the page after {@code after} under filters described by {@code filterText}. */
    public static PageCursor after(UUID after, String filterText) {
        return new PageCursor(after, fingerprint(filterText));
    }

    /** The position a cursor stands for; 400 when it is not one of ours or was made for other filters. */
    public static UUID decode(String token, String filterText) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
        String[] parts = raw.split("\\.");
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw invalidCursor();
        }
        UUID after;
        try {
            after = UUID.fromString(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
        if (!parts[2].equals(fingerprint(filterText))) {
            throw ProblemException.invalid("cursor", "cursor-filters", "this cursor belongs to a query with other filters; "
                    + "keep the filters unchanged while paging, or start again without a cursor");
        }
        return after;
    }

    public static String fingerprint(String filterText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(filterText.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalidCursor() {
        return ProblemException.invalid("cursor", "cursor", "cursor is not one this API issued; pass nextCursor unchanged");
    }
}
