package org.tcmeval.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Running sums for an aggregate-ratio indicator. Jurisdictions roll up by summing numerators and
 * denominators, never by averaging the units' rates, so a contribution can be added and taken
 * back exactly when a report is corrected.
 */
public record AggregateRatio(long numerator, long denominator) {

    public static final AggregateRatio ZERO = new AggregateRatio(0, 0);

    public AggregateRatio plus(AggregateRatio other) {
        return new AggregateRatio(numerator + other.numerator, denominator + other.denominator);
    }

    public AggregateRatio minus(AggregateRatio other) {
        return new AggregateRatio(numerator - other.numerator, denominator - other.denominator);
    }

    /** The ratio in percent, 4 decimals, or {@code null} when there is no denominator yet. */
    public BigDecimal percent() {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }
}
