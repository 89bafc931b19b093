package org.tcmeval.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tcmeval.targets.AggregateRatio;
import org.tcmeval.targets.ComputationShape;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.TargetResolver.ResolvedTarget;

/** The indicator maths of evaluation (评价计分), plain Java so every rule is tested without Quarkus. */
public final class Scoring {

    private Scoring() {
    }

    /** MET / NOT_MET against the resolved target; NO_DATA without a denominator; NO_TARGET where none applies. */
    public enum Status { MET, NOT_MET, NO_DATA, NO_TARGET }

    public record Outcome(BigDecimal value, Status status) {
    }

    /**
     * What one institution's report adds to an aggregate-ratio indicator, or empty when the indicator
     * does not apply to the institution's type or the report lacks one of the two fields.
     */
    public static Optional<AggregateRatio> contribution(IndicatorDefinition indicator, InstitutionType type,
            Map<String, BigDecimal> figures) {
        if (indicator.shape() != ComputationShape.AGGREGATE_RATIO || !indicator.appliesTo(type)) {
            return Optional.empty();
        }
        BigDecimal num = figures.get(indicator.numeratorField());
        BigDecimal den = figures.get(indicator.denominatorField());
        if (num == null || den == null) {
            return Optional.empty();
        }
        return Optional.of(new AggregateRatio(num.longValueExact(), den.longValueExact()));
    }

    public static Outcome judge(AggregateRatio sums, Optional<ResolvedTarget> target) {
        BigDecimal value = sums.percent();
        if (value == null) {
            return new Outcome(null, Status.NO_DATA);
        }
        if (target.isEmpty()) {
            return new Outcome(value, Status.NO_TARGET);
        }
        return new Outcome(value, target.get().target().isMet(value) ? Status.MET : Status.NOT_MET);
    }

    /** The divisions a county's figures roll up into: the county, its city, its province. */
    public static List<String> rollUpChain(String countyCode) {
        if (countyCode == null || !countyCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("county code must have 6 digits: " + countyCode);
        }
        List<String> chain = new ArrayList<>(3);
        chain.add(countyCode);
        chain.add(countyCode.substring(0, 4));
        chain.add(countyCode.substring(0, 2));
        return chain;
    }

    /** INSTITUTION for an institution id, else COUNTY, CITY or PROVINCE by the division code's length. */
    public static String scopeOf(String divisionCode) {
        return switch (divisionCode.length()) {
            case 2 -> "PROVINCE";
            case 4 -> "CITY";
            case 6 -> "COUNTY";
            default -> throw new IllegalArgumentException("not a province, city or county code: " + divisionCode);
        };
    }
}
