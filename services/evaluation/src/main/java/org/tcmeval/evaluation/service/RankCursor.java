package org.tcmeval.evaluation.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.tcmeval.evaluation.supervision.SupervisionDraw;
import org.tcmeval.evaluation.supervision.SupervisionDraw.Key;
import org.tcmeval.evaluation.supervision.SupervisionDraw.Pick;
import org.tcmeval.support.paging.PageCursor;
import org.tcmeval.support.problem.ProblemException;

/**
 * The {@code cursor} of a ranked list (a supervision plan's tier): the ranking key of the last unit
 * shown and the fingerprint of the query ({@link PageCursor#fingerprint}). Keyset on the rank, not
 * a position, so a unit whose gaps change between two pages is neither repeated nor skipped by
 * those that keep their place.
 */
record RankCursor(Key last) {

    private static final String VERSION = "r1";

    static String after(Pick p, String filters) {
        String raw = VERSION + "." + p.candidate().gaps() + "." + p.drawHex() + "." + p.candidate().id() + "."
                + PageCursor.fingerprint(filters);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static RankCursor decode(String token, String filters) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\.");
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 5 || !parts[0].equals(VERSION)) {
            throw invalid();
        }
        if (!parts[4].equals(PageCursor.fingerprint(filters))) {
            throw ProblemException.invalid("cursor", "cursor-filters", "this cursor belongs to a plan of another"
                    + " division, year or seed; keep them unchanged while paging, or start again without a cursor");
        }
        try {
            return new RankCursor(new Key(Integer.parseInt(parts[1]), Long.parseUnsignedLong(parts[2], 16), parts[3]));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** Whether {@code p} comes after the cursor in the draw's order. */
    boolean isBefore(Pick p, SupervisionDraw.Draw d) {
        return SupervisionDraw.order(d.share().compareTo(BigDecimal.ONE) == 0).compare(last, p.key()) < 0;
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "cursor", "cursor is not one this API issued; pass nextCursor unchanged");
    }
}
