package org.tcmeval.engine;

import java.util.Objects;

/**
 * What one unit's report adds (贡献值) to one indicator's sums under one {@link UnitFilter}.
 *
 * @param indicatorCode the indicator
 * @param filterKey {@link UnitFilter#key()} the tally was computed under; sums of different keys never mix
 * @param tally the additive figures
 * @param rollsUp whether the tally also goes into the divisions above the unit's (county → city →
 *                province). A jurisdiction's own figures do not: a city's literacy survey is the
 *                city's value, and adding cities' shares would make no province's.
 */
public record Contribution(String indicatorCode, String filterKey, Tally tally, boolean rollsUp) {

    public Contribution {
        Objects.requireNonNull(indicatorCode, "indicatorCode");
        Objects.requireNonNull(filterKey, "filterKey");
        Objects.requireNonNull(tally, "tally");
    }
}
