package org.tcmeval.targets;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A jurisdiction's target (目标值) for one indicator: comparator, threshold(s), deadline year and
 * nature, with the document it was transcribed from.
 *
 * @param threshold lower bound for AT_LEAST and BETWEEN, upper bound for AT_MOST, in the indicator's unit
 * @param upper upper bound for BETWEEN, else {@code null}
 * @param baseline value in the baseline year when the document gives one, else {@code null}
 */
public record Target(
        String indicatorCode,
        Comparator comparator,
        BigDecimal threshold,
        BigDecimal upper,
        int deadlineYear,
        Nature nature,
        BigDecimal baseline,
        Source source) {

    public Target {
        Objects.requireNonNull(indicatorCode, "indicatorCode");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(source, "source");
        if (comparator == Comparator.BETWEEN) {
            Objects.requireNonNull(upper, "BETWEEN needs an upper bound");
            if (threshold.compareTo(upper) > 0) {
                throw new IllegalArgumentException(indicatorCode + ": BETWEEN lower bound " + threshold
                        + " is above upper bound " + upper);
            }
        }
    }

    public boolean isMet(BigDecimal value) {
        return comparator.isMet(value, threshold, upper);
    }
}
