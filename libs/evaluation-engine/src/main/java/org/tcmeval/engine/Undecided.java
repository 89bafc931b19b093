package org.tcmeval.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Why it is unknown whether a target binds a division (适用性未定): its division condition reads a
 * figure the division has not reported, and the figures it has do not settle it either way. Shown
 * beside the status so a county sees which figure to report, not a bare "no data".
 *
 * @param condition the division condition written out
 * @param actualFigures the division's figures the condition read that it has (may be none)
 * @param missingFigures the figures the condition reads that the division has not reported
 */
public record Undecided(String condition, Map<String, BigDecimal> actualFigures, Set<String> missingFigures) {

    public Undecided {
        Objects.requireNonNull(condition, "condition");
        actualFigures = Map.copyOf(actualFigures);
        missingFigures = Set.copyOf(missingFigures);
        if (missingFigures.isEmpty()) {
            throw new IllegalArgumentException("missingFigures: an undecided condition lacks at least one figure");
        }
    }
}
