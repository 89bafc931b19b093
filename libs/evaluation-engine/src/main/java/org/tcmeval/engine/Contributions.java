package org.tcmeval.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Reporter;

/**
 * The per-shape arithmetic of one unit's contribution. Undecidable units are counted apart
 * ({@link Tally#missingFacts()}) instead of as failing: a CHSC that has not reported its technique
 * items has not shown it misses the rule, and counting it as "no" would let a reporting gap pass
 * for a capacity gap. Its absence from the denominator shows up as incompleteness instead.
 */
final class Contributions {

    private Contributions() {
    }

    static Optional<Contribution> of(IndicatorDefinition indicator, UnitFilter filter, UnitFacts unit) {
        if (!reads(indicator, unit)) {
            return Optional.empty();
        }
        Tally tally = switch (filter.condition().truth(unit.conditionFacts())) {
            case FALSE -> Tally.excludedUnit();
            case UNKNOWN -> Tally.undecided();
            case TRUE -> tally(indicator, unit);
        };
        return Optional.of(new Contribution(indicator.code(), filter.key(), tally,
                indicator.reporter() != Reporter.JURISDICTION));
    }

    /** Wrong reporter or wrong institution type: the indicator does not read this unit at all. */
    private static boolean reads(IndicatorDefinition indicator, UnitFacts unit) {
        if (unit.reporter() != indicator.reporter()) {
            return false;
        }
        return unit.reporter() != Reporter.INSTITUTION || indicator.appliesTo(unit.type());
    }

    private static Tally tally(IndicatorDefinition indicator, UnitFacts unit) {
        Map<String, BigDecimal> facts = unit.facts();
        BigDecimal counted = indicator.numeratorField() == null ? null : facts.get(indicator.numeratorField());
        return switch (indicator.shape()) {
            case COMPLIANCE_RATE -> ruleTally(indicator, facts);
            case AGGREGATE_RATIO, PER_POPULATION_DENSITY -> ratioTally(indicator, unit, counted);
            // A rule count keeps the units judged as denominator, so "37 of 900" can be shown.
            case COUNT -> indicator.numeratorField() == null ? ruleTally(indicator, facts)
                    : counted == null ? Tally.undecided() : Tally.counted(counted, BigDecimal.ZERO);
            case DIRECT_VALUE -> counted == null ? Tally.undecided() : Tally.counted(counted, BigDecimal.ZERO);
        };
    }

    private static Tally ruleTally(IndicatorDefinition indicator, Map<String, BigDecimal> facts) {
        return switch (indicator.perUnitRule().truth(facts)) {
            case TRUE -> Tally.counted(1, 1);
            case FALSE -> Tally.counted(0, 1);
            case UNKNOWN -> Tally.undecided();
        };
    }

    /**
     * Numerator over the reported denominator; a division's residents missing from its report are
     * the registry's ({@link Population}), and the tally says so.
     */
    private static Tally ratioTally(IndicatorDefinition indicator, UnitFacts unit, BigDecimal counted) {
        if (counted == null) {
            return Tally.undecided();
        }
        BigDecimal reported = unit.facts().get(indicator.denominatorField());
        if (reported != null) {
            return Tally.counted(counted, reported);
        }
        if (Population.isDenominatorOf(indicator) && unit.registryPopulation() != null) {
            return Tally.counted(counted, BigDecimal.valueOf(unit.registryPopulation())).withRegistryPopulation();
        }
        return Tally.undecided();
    }
}
