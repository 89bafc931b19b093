package org.tcmeval.engine;

import java.math.BigDecimal;
import java.util.Objects;
import org.tcmeval.targets.AggregateRatio;

/**
 * Additive sums (累计值) of one indicator over some units: one unit's contribution, or a
 * division's total. Every field is a plain sum, so a division is the sum of its units, a city the
 * sum of its counties, and a corrected report is applied as {@code minus(old).plus(now)} — exactly,
 * because BigDecimal addition does not round. Percentages are never stored, so nothing is averaged.
 *
 * <p>This generalises {@link AggregateRatio} (long numerator and denominator, used by the
 * evaluation service today): jurisdiction figures such as industry output in 亿元 are decimals, and
 * judging honestly needs the unit counts beside the two sums. {@link #toAggregateRatio()} converts.
 *
 * @param numerator sum of numerators: units meeting the rule (rates, rule counts), or the summed /
 *                  reported field (ratios, densities, field counts, direct values)
 * @param denominator sum of denominators: units judged (rates, rule counts), the summed
 *                    denominator field (ratios) or residents (densities); zero for field counts
 *                    and direct values
 * @param units units whose report entered numerator and denominator
 * @param excluded units that reported but fall outside the unit filter (not applicable, not failing)
 * @param missingFacts units that reported but lack a fact needed to decide; they are in no other sum
 * @param registryPopulationUnits density units whose residents came from the caller (registry),
 *                                not from their own report
 */
public record Tally(BigDecimal numerator, BigDecimal denominator, long units, long excluded, long missingFacts,
        long registryPopulationUnits) {

    public static final Tally ZERO = new Tally(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0);

    public Tally {
        // Normalised so that 2 and 2.0 are equal records: a replaced contribution compares equal
        // to a recomputed one.
        numerator = Objects.requireNonNull(numerator, "numerator").stripTrailingZeros();
        denominator = Objects.requireNonNull(denominator, "denominator").stripTrailingZeros();
    }

    /** One unit counted with these figures. */
    public static Tally counted(BigDecimal numerator, BigDecimal denominator) {
        return new Tally(numerator, denominator, 1, 0, 0, 0);
    }

    public static Tally counted(long numerator, long denominator) {
        return counted(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /** One unit outside the unit filter. */
    public static Tally excludedUnit() {
        return new Tally(BigDecimal.ZERO, BigDecimal.ZERO, 0, 1, 0, 0);
    }

    /** One unit that could not be decided for lack of a fact. */
    public static Tally undecided() {
        return new Tally(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 1, 0);
    }

    /** The same sums, marked as using a population the caller supplied. */
    Tally withRegistryPopulation() {
        return new Tally(numerator, denominator, units, excluded, missingFacts, registryPopulationUnits + 1);
    }

    public Tally plus(Tally o) {
        return new Tally(numerator.add(o.numerator), denominator.add(o.denominator), units + o.units,
                excluded + o.excluded, missingFacts + o.missingFacts, registryPopulationUnits + o.registryPopulationUnits);
    }

    public Tally minus(Tally o) {
        return new Tally(numerator.subtract(o.numerator), denominator.subtract(o.denominator), units - o.units,
                excluded - o.excluded, missingFacts - o.missingFacts, registryPopulationUnits - o.registryPopulationUnits);
    }

    /** Units that reported anything this indicator reads: counted, excluded or undecided. */
    public long reported() {
        return units + excluded + missingFacts;
    }

    /** The two sums as the service's {@link AggregateRatio}; fails on a decimal sum. */
    public AggregateRatio toAggregateRatio() {
        return new AggregateRatio(numerator.longValueExact(), denominator.longValueExact());
    }
}
