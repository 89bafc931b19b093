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
 * @param undecided why it is unknown whether the target binds (a division figure its condition reads is
 *                  missing and the known ones do not settle it); only with NO_DATA, else {@code null}
 * @param completeness units decided out of expected
 * @param population the residents the judgement read ({@link Population}): the figure the target's
 *                   division condition tested when it reads the population (Guangxi row 18), else the
 *                   summed residents of a density or coverage; {@code null} when it read none
 * @param populationSource where {@code population} came from; {@code null} exactly when it is
 */
public record Judgement(String indicatorCode, String divisionCode, Status status, BigDecimal value, Tally sums,
        TargetInForce target, Inapplicability inapplicability, Undecided undecided,
        Completeness completeness, BigDecimal population, PopulationSource populationSource) {

    /**
     * Where residents came from: the division's own report, the registry (the report has none), or,
     * summed over several units, some of each.
     */
    public enum PopulationSource {
        REPORTED, REGISTRY, MIXED;

        /** The source of the residents summed in {@code sums} (some units may have used the registry's). */
        public static PopulationSource of(Tally sums) {
            long fromRegistry = sums.registryPopulationUnits();
            return fromRegistry == 0 ? REPORTED : fromRegistry == sums.units() ? REGISTRY : MIXED;
        }
    }

    public Judgement {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sums, "sums");
        if (undecided != null && status != Status.NO_DATA) {
            throw new IllegalArgumentException("undecided: an unknown applicability gives NO_DATA, not " + status);
        }
        if ((status == Status.NOT_APPLICABLE) != (inapplicability != null)) {
            throw new IllegalArgumentException("inapplicability: given exactly when NOT_APPLICABLE");
        }
        if ((status == Status.NO_TARGET) != (target == null)) {
            throw new IllegalArgumentException("target: absent exactly when NO_TARGET");
        }
        if ((population == null) != (populationSource == null)) {
            throw new IllegalArgumentException("populationSource: given exactly when a population is");
        }
    }

    /** Division figures the division condition needs and the division has not reported; empty when none. */
    public Set<String> missingDivisionFacts() {
        return undecided == null ? Set.of() : undecided.missingFigures();
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
}
