package org.tcmeval.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * Why a target does not bind a division (不适用原因), with what it would take and what the division
 * has, so a county of 250,000 residents sees "residentPopulation > 300000" beside its 250000.
 *
 * @param reason which of the three ways
 * @param condition the condition written out, or the division the target is judged at
 * @param actualFigures the division's own figures for the fields the condition reads (those it reported)
 */
public record Inapplicability(Reason reason, String condition, Map<String, BigDecimal> actualFigures) {

    public enum Reason {
        /** The division's own figures fail the target's division condition. */
        DIVISION_CONDITION_NOT_MET,
        /** Units reported, but none falls under the unit filter (no grade-2+ hospital in the county). */
        NO_UNIT_UNDER_CONDITION,
        /** A count or directly reported value, judged for the profile's own division only. */
        JUDGED_AT_PROFILE_DIVISION
    }

    public Inapplicability {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(condition, "condition");
        actualFigures = Map.copyOf(actualFigures);
    }
}
