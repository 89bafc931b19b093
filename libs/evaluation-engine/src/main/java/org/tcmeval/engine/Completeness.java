package org.tcmeval.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalLong;

/**
 * Reporting completeness (填报完整率): units decided (counted or excluded) out of units expected.
 * Expected is what the caller knows from the registry, but never fewer than those that reported:
 * a unit that reported without the facts to decide it is expected and not decided.
 *
 * @param decided units counted or excluded by the filter
 * @param expected units that should have reported, or {@code 0} when nothing is known or expected
 */
public record Completeness(long decided, long expected) {

    static Completeness of(Tally tally, OptionalLong expectedUnits) {
        long decided = tally.units() + tally.excluded();
        return new Completeness(decided, Math.max(expectedUnits.orElse(0), tally.reported()));
    }

    /** Completeness in percent, unrounded; {@code null} when no unit is expected. */
    public BigDecimal percent() {
        if (expected == 0) {
            return null;
        }
        return BigDecimal.valueOf(decided).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(expected), MathContext.DECIMAL64);
    }

    /** Whether decided / expected < minimum %, compared by cross-multiplication. */
    boolean isBelow(BigDecimal minimumPercent) {
        return expected > 0 && BigDecimal.valueOf(decided).multiply(BigDecimal.valueOf(100))
                .compareTo(minimumPercent.multiply(BigDecimal.valueOf(expected))) < 0;
    }
}
