package org.tcmeval.evaluation.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.tcmeval.evaluation.rest.GapListView;
import org.tcmeval.support.paging.PageCursor;
import org.tcmeval.support.problem.ProblemException;

/**
 * The {@code cursor} of a gap list: the distance and unit id of the last gap shown, and the
 * fingerprint of the query ({@link PageCursor#fingerprint}). Keyset on the sort key, not a
 * position, so a unit that closes its gap between two pages does not shift the others.
 */
record GapCursor(BigDecimal distance, String unitId) {

    private static final String VERSION = "g1";

    static String after(GapListView.Gap last, String filters) {
        String raw = VERSION + "|" + last.distance().toPlainString() + "|" + last.unitId() + "|"
                + PageCursor.fingerprint(filters);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static GapCursor decode(String token, String filters) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 4 || !parts[0].equals(VERSION) || parts[2].isEmpty()) {
            throw invalid();
        }
        if (!parts[3].equals(PageCursor.fingerprint(filters))) {
            throw ProblemException.invalid("cursor", "cursor-filters", "this cursor belongs to the gap list of another"
                    + " division, indicator or year; keep them unchanged while paging, or start again without a cursor");
        }
        try {
            return new GapCursor(new BigDecimal(parts[1]), parts[2]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** Whether {@code g} comes after the cursor: largest distance first, then unit id. */
    boolean isBefore(GapListView.Gap g) {
        int c = g.distance().compareTo(distance);
        return c < 0 || c == 0 && g.unitId().compareTo(unitId) > 0;
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "cursor", "cursor is not one this API issued; pass nextCursor unchanged");
    }
}
