package org.tcmeval.events;

import java.time.LocalDate;
import org.tcmeval.targets.InstitutionType;

/**
 * Full state of an institution after a change (a compacted topic keeps the newest per key, so a
 * replay from the start rebuilds every projection).
 *
 * @param revision increases with every change of this institution; consumers ignore older ones
 * @param divisionCode township (9 digits) or county (6 digits) the institution is registered in
 * @param countyCode the 6-digit county the institution rolls up to
 */
public record InstitutionChanged(
        String institutionId,
        long revision,
        String name,
        InstitutionType type,
        String divisionCode,
        String countyCode,
        LocalDate openedOn,
        LocalDate closedOn) {

    public static final int VERSION = 1;
}
