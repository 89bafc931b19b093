package org.tcmeval.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.Reporter;
import org.tcmeval.targets.Target;

/**
 * The evaluation engine (评价引擎), in two halves so the service evaluates incrementally:
 * <ol>
 *   <li>{@link #contribution}: what one report adds to one indicator's sums — additive, so the service
 *       replaces a unit's contribution when its report changes and never rescans;</li>
 *   <li>{@link #judge}: a division's sums against the target in force.</li>
 * </ol>
 * Roll-ups county → city → province add {@link Tally}s; percentages are computed only when judging.
 */
public final class Engine {

    /** Judge only when every expected unit is decided: the default never claims more than is known. */
    public static final BigDecimal FULL_COMPLETENESS = BigDecimal.valueOf(100);

    private final Judge judge;

    /** An engine that judges only complete sums. */
    public Engine() {
        this(FULL_COMPLETENESS);
    }

    /** @param minimumCompletenessPercent below this share of decided units a value is INCOMPLETE, not judged */
    public Engine(BigDecimal minimumCompletenessPercent) {
        Objects.requireNonNull(minimumCompletenessPercent, "minimumCompletenessPercent");
        if (minimumCompletenessPercent.signum() < 0 || minimumCompletenessPercent.compareTo(FULL_COMPLETENESS) > 0) {
            throw new IllegalArgumentException("minimumCompletenessPercent: " + minimumCompletenessPercent
                    + " is not in [0, 100]");
        }
        this.judge = new Judge(minimumCompletenessPercent);
    }

    /**
     * One unit's contribution under the filter of {@code target} ({@code null}: no target, the
     * indicator's own filter). Empty when the indicator does not read the unit at all (another
     * reporter, another institution type); a unit outside the filter or lacking a fact is still
     * counted, as {@link Tally#excluded()} or {@link Tally#missingFacts()}.
     */
    public static Optional<Contribution> contribution(IndicatorDefinition indicator, Target target, UnitFacts unit) {
        return contribution(indicator, unitFilter(indicator, target), unit);
    }

    /** One unit's contribution under an explicit filter (see {@link #unitFilter}). */
    public static Optional<Contribution> contribution(IndicatorDefinition indicator, UnitFilter filter,
            UnitFacts unit) {
        return Contributions.of(indicator, filter, unit);
    }

    /** The units that count for {@code indicator} under {@code target}; its key names the sums to keep. */
    public static UnitFilter unitFilter(IndicatorDefinition indicator, Target target) {
        return TargetScope.of(indicator, target).unitFilter();
    }

    /**
     * Judges a division's sums.
     *
     * @param target the target in force for the division (see {@link TargetInForce#resolve}), or empty
     * @param sums the division's sums, kept under {@code unitFilter(indicator, target).key()}
     * @param division the division judged and its own figures, which a target's division condition is
     *                 tested on: for a county, its county report (merged with registry figures such as
     *                 its population if the report lacks them); for a city or province, the jurisdiction's
     *                 own report, if any. Missing figures a division condition needs give NO_DATA.
     * @param expectedUnits units that should have reported (registry count), if known
     */
    public Judgement judge(IndicatorDefinition indicator, Optional<TargetInForce> target, Sums sums,
            DivisionFacts division, OptionalLong expectedUnits) {
        return judge.judge(indicator, target, sums, division, expectedUnits);
    }

    /**
     * The only division the target is judged at, if it is judged at one only: a count or a directly
     * reported value, or any jurisdiction-reported figure, belongs to the profile that sets it. The
     * service should not judge other divisions against it (the engine answers NOT_APPLICABLE there).
     */
    public static Optional<String> judgedOnlyAt(IndicatorDefinition indicator, TargetInForce target) {
        boolean own = switch (indicator.shape()) {
            case COUNT, DIRECT_VALUE -> true;
            case COMPLIANCE_RATE, AGGREGATE_RATIO, PER_POPULATION_DENSITY -> indicator.reporter() == Reporter.JURISDICTION;
        };
        return own ? Optional.of(target.profileDivisionCode()) : Optional.empty();
    }

    /** Indicators that read reports of institutions of {@code type}. */
    public static List<IndicatorDefinition> applicableIndicators(InstitutionType type) {
        return BY_TYPE.get(type);
    }

    /** Indicators that read county reports ({@link Reporter#COUNTY}) or jurisdictions' own reports. */
    public static List<IndicatorDefinition> applicableIndicators(Reporter reporter) {
        return BY_REPORTER.get(reporter);
    }

    // Filtered once: every unit of every batch asks (the indicators are constants).
    private static final java.util.Map<InstitutionType, List<IndicatorDefinition>> BY_TYPE = new java.util.EnumMap<>(
            InstitutionType.class);
    private static final java.util.Map<Reporter, List<IndicatorDefinition>> BY_REPORTER = new java.util.EnumMap<>(
            Reporter.class);

    static {
        for (InstitutionType t : InstitutionType.values()) {
            BY_TYPE.put(t, Indicators.ALL.stream().filter(i -> i.reporter() == Reporter.INSTITUTION && i.appliesTo(t))
                    .toList());
        }
        for (Reporter r : Reporter.values()) {
            BY_REPORTER.put(r, Indicators.ALL.stream().filter(i -> i.reporter() == r).toList());
        }
    }
}
