package org.tcmeval.events;

import java.time.LocalDate;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.InstitutionType;

/**
 * Full state of an institution after a change (a compacted topic keeps the newest per key, so a
 * replay from the start rebuilds every projection).
 *
 * @param revision increases with every change of this institution; consumers ignore older ones
 * @param divisionCode township (9 digits) or county (6 digits) the institution is registered in
 * @param countyCode the 6-digit county the institution rolls up to
 * @param ownership PUBLIC or PRIVATE
 * @param grade hospital grade (医院等级) where one is rated, else {@code null}
 * @param ethnicMedicine ethnic-minority medicine practised (e.g. ZHUANG, MONGOLIAN), else {@code null}
 */
public record InstitutionChanged(
        String institutionId,
        long revision,
        String name,
        InstitutionType type,
        String divisionCode,
        String countyCode,
        LocalDate openedOn,
        LocalDate closedOn,
        String uscc,
        String registrationNumber,
        String ownership,
        HospitalGrade grade,
        String ethnicMedicine) {

    /** Added fields are optional within version 1: consumers of older events see them as null. */
    public static final int VERSION = 1;

    /** The core state only, for producers and tests that have nothing more to say. */
    public InstitutionChanged(String institutionId, long revision, String name, InstitutionType type,
            String divisionCode, String countyCode, LocalDate openedOn, LocalDate closedOn) {
        this(institutionId, revision, name, type, divisionCode, countyCode, openedOn, closedOn, null, null, null, null,
                null);
    }
}
