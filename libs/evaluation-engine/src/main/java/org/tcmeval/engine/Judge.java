package org.tcmeval.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.tcmeval.targets.Condition;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Target;

/** Judges a division's sums; the order of the checks is the order of what must be known first. */
final class Judge {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal minimumCompleteness;

    Judge(BigDecimal minimumCompleteness) {
        this.minimumCompleteness = minimumCompleteness;
    }

    /** {@code scaledNumerator / denominator}, denominator > 0, kept as a fraction so comparisons are exact. */
    private record Fraction(BigDecimal scaledNumerator, BigDecimal denominator) {
        int compareTo(BigDecimal bound) {
            return scaledNumerator.compareTo(bound.multiply(denominator));
        }

        BigDecimal value() {
            return scaledNumerator.divide(denominator, MathContext.DECIMAL128);
        }
    }

    /** The status and, where there is no verdict, why. */
    private record Verdict(Status status, Inapplicability inapplicability, Undecided undecided) {
        static Verdict of(Status status) {
            return new Verdict(status, null, null);
        }

        static Verdict notApplicable(Inapplicability.Reason reason, String condition, Map<String, BigDecimal> figures) {
            return new Verdict(Status.NOT_APPLICABLE, new Inapplicability(reason, condition, figures), null);
        }
    }

    Judgement judge(IndicatorDefinition indicator, Optional<TargetInForce> inForce, Sums sums, DivisionFacts division,
            OptionalLong expectedUnits) {
        Tally t = sums.tally();
        if (t.units() < 0 || t.excluded() < 0 || t.missingFacts() < 0 || t.registryPopulationUnits() < 0) {
            throw new IllegalArgumentException("sums: negative unit counts " + t + ": a contribution was removed that"
                    + " was never added");
        }
        TargetScope scope = TargetScope.of(indicator, inForce.map(TargetInForce::target).orElse(null));
        if (!scope.unitFilter().key().equals(sums.filterKey())) {
            throw new IllegalArgumentException("sums: computed over '" + sums.filterKey() + "', but the target in force"
                    + " counts units over '" + scope.unitFilter().key() + "'");
        }
        Fraction fraction = fraction(indicator, t);
        Completeness completeness = Completeness.of(t, expectedUnits);
        Verdict v = inForce.isEmpty() ? Verdict.of(Status.NO_TARGET)
                : verdict(indicator, inForce.get(), scope, t, fraction, division, completeness);
        BigDecimal population = null;
        Judgement.PopulationSource source = null;
        boolean conditionReadsPopulation = inForce.isPresent()
                && scope.divisionConditionAt(indicator, division.code()).fields().contains(Population.FIELD);
        if (conditionReadsPopulation && division.populationSource() != null) {
            // The figure that decided whether the target binds, named with where it came from.
            population = division.conditionFacts().get(Population.FIELD);
            source = division.populationSource();
        } else if (Population.isDenominatorOf(indicator) && t.units() > 0) {
            population = t.denominator();
            source = Judgement.PopulationSource.of(t);
        }
        return new Judgement(indicator.code(), division.code(), v.status(), fraction == null ? null : fraction.value(),
                t, inForce.orElse(null), v.inapplicability(), v.undecided(), completeness, population,
                source);
    }

    private Verdict verdict(IndicatorDefinition indicator, TargetInForce target, TargetScope scope, Tally t,
            Fraction fraction, DivisionFacts division, Completeness completeness) {
        Optional<String> only = Engine.judgedOnlyAt(indicator, target);
        if (only.isPresent() && !only.get().equals(division.code())) {
            return Verdict.notApplicable(Inapplicability.Reason.JUDGED_AT_PROFILE_DIVISION, only.get(), Map.of());
        }
        Condition divisionCondition = scope.divisionConditionAt(indicator, division.code());
        switch (divisionCondition.truth(division.conditionFacts())) {
            case FALSE -> {
                // A known part rules the target out even when another part's figure is missing.
                return Verdict.notApplicable(Inapplicability.Reason.DIVISION_CONDITION_NOT_MET,
                        divisionCondition.describe(), figures(divisionCondition, division));
            }
            case UNKNOWN -> {
                // Whether the target binds is unknown, so neither a verdict nor "not applicable" is claimed.
                Set<String> missing = new LinkedHashSet<>(divisionCondition.fields());
                missing.removeAll(division.conditionFacts().keySet());
                return new Verdict(Status.NO_DATA, null, new Undecided(divisionCondition.describe(),
                        figures(divisionCondition, division), missing));
            }
            case TRUE -> { }
        }
        if (t.units() == 0 && t.missingFacts() == 0 && t.excluded() > 0) {
            Condition filter = scope.unitFilter().condition();
            return Verdict.notApplicable(Inapplicability.Reason.NO_UNIT_UNDER_CONDITION, filter.describe(),
                    figures(filter, division));
        }
        if (fraction == null) {
            return Verdict.of(Status.NO_DATA);
        }
        if (completeness.isBelow(minimumCompleteness)) {
            return Verdict.of(Status.INCOMPLETE);
        }
        return Verdict.of(isMet(fraction, target.target()) ? Status.MET : Status.NOT_MET);
    }

    private static Fraction fraction(IndicatorDefinition indicator, Tally t) {
        return switch (indicator.shape()) {
            case COMPLIANCE_RATE, AGGREGATE_RATIO -> ratio(t.numerator().multiply(HUNDRED), t.denominator());
            case PER_POPULATION_DENSITY ->
                    ratio(t.numerator().multiply(BigDecimal.valueOf(indicator.populationScale())), t.denominator());
            case COUNT -> t.units() == 0 ? null : new Fraction(t.numerator(), BigDecimal.ONE);
            case DIRECT_VALUE -> {
                if (t.units() > 1) {
                    throw new IllegalArgumentException("sums: " + indicator.code() + " is one division's own figure,"
                            + " but " + t.units() + " reports were summed");
                }
                yield t.units() == 0 ? null : new Fraction(t.numerator(), BigDecimal.ONE);
            }
        };
    }

    private static Fraction ratio(BigDecimal scaledNumerator, BigDecimal denominator) {
        return denominator.signum() > 0 ? new Fraction(scaledNumerator, denominator) : null;
    }

    private static boolean isMet(Fraction value, Target target) {
        return switch (target.comparator()) {
            case AT_LEAST -> value.compareTo(target.threshold()) >= 0;
            case AT_MOST -> value.compareTo(target.threshold()) <= 0;
            case BETWEEN -> value.compareTo(target.threshold()) >= 0 && value.compareTo(target.upper()) <= 0;
        };
    }

    /** The division's figures the condition read, the registry's residents included where they were used. */
    private static Map<String, BigDecimal> figures(Condition condition, DivisionFacts division) {
        Map<String, BigDecimal> facts = division.conditionFacts();
        Map<String, BigDecimal> figures = new TreeMap<>();
        for (String f : condition.fields()) {
            BigDecimal v = facts.get(f);
            if (v != null) {
                figures.put(f, v);
            }
        }
        return figures;
    }
}
