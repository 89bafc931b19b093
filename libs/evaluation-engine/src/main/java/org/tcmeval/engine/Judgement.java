package org.tcmeval.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Set;

/**
 * The answer for one division and indicator (评价结果).
 *
 * @param indicatorCode the indicator
 * @param divisionCode the judged division
 * @param status the verdict, or why there is none
 * @param value the value in the indicator's unit, unrounded (34 significant digits; the verdict was
 *              reached on the exact fraction, not on this), or {@code null} when there is none
 * @param sums the division's sums: numerator, denominator and unit counts
 * @param target the target in force, whatever the status; {@code null} only for NO_TARGET
 * @param inapplicability why the target does not bind, exactly when NOT_APPLICABLE
 * @param missingDivisionFacts division figures the division condition needs and the division has not reported
 * @param completeness units decided out of expected
 */
public record Judgement(String indicatorCode, String divisionCode, Status status, BigDecimal value, Tally sums,
        TargetInForce target, Inapplicability inapplicability, Set<String> missingDivisionFacts,
        Completeness completeness) {

    /** Where a density's residents came from. */
    public enum PopulationSource { REPORTED, REGISTRY, MIXED }

    public Judgement {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sums, "sums");
        missingDivisionFacts = Set.copyOf(missingDivisionFacts);
        if ((status == Status.NOT_APPLICABLE) != (inapplicability != null)) {
            throw new IllegalArgumentException("inapplicability: given exactly when NOT_APPLICABLE");
        }
        if ((status == Status.NO_TARGET) != (target == null)) {
            throw new IllegalArgumentException("target: absent exactly when NO_TARGET");
        }
    }

    public BigDecimal numerator() {
        return sums.numerator();
    }

    public BigDecimal denominator() {
        return sums.denominator();
    }

    /** The value rounded half-up for display; never used to judge. */
    public BigDecimal rounded(int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    /** For densities: whether the residents were reported, supplied from the registry, or both. */
    public PopulationSource populationSource() {
        long fromRegistry = sums.registryPopulationUnits();
        return fromRegistry == 0 ? PopulationSource.REPORTED
                : fromRegistry == sums.units() ? PopulationSource.REGISTRY : PopulationSource.MIXED;
    }
}
