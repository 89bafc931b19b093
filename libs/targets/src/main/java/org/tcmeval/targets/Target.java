package org.tcmeval.targets;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * A jurisdiction's target (目标值) for one indicator: comparator, threshold(s), deadline year,
 * nature, optional baseline and applicability condition, with the document it was transcribed from.
 *
 * <p>A target is checked against its indicator when it is built: the code must be a known
 * indicator and every number must lie in the indicator's unit range, so a mistyped 130% fails
 * when the profile class loads rather than when a county is judged.
 *
 * @param threshold lower bound for AT_LEAST and BETWEEN, upper bound for AT_MOST, in the indicator's unit
 * @param upper upper bound for BETWEEN, else {@code null}
 * @param deadlineYear year by whose end the target is due (2025 unless the document says otherwise)
 * @param baseline value in {@code baselineYear} when the document gives one, else {@code null}
 * @param baselineYear year of the baseline, {@code null} exactly when there is no baseline
 * @param condition which units or divisions the target applies to; units outside it are left out,
 *                  they do not count as failing. On institution facts it filters the institutions
 *                  that count ({@code hospitalGrade >= 2}); on county or jurisdiction facts it
 *                  decides whether the target binds a division at all ({@code residentPopulation >
 *                  300000}); see {@link Condition} and {@link ConditionSplit}
 */
public record Target(
        String indicatorCode,
        Comparator comparator,
        BigDecimal threshold,
        BigDecimal upper,
        int deadlineYear,
        Nature nature,
        BigDecimal baseline,
        Integer baselineYear,
        Condition condition,
        Source source) {

    /** Deadline of the 14th five-year plan documents: 除特别说明外，完成指标要求的截止时间均为2025年. */
    public static final int DEFAULT_DEADLINE = 2025;

    public Target {
        Objects.requireNonNull(indicatorCode, "indicatorCode");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(source, "source");
        condition = condition == null ? Condition.NONE : condition;
        IndicatorDefinition indicator = Indicators.byCode(indicatorCode).orElseThrow(() -> new IllegalArgumentException(
                "indicatorCode: unknown indicator code '" + indicatorCode + "' (not in Indicators.ALL)"));
        Unit unit = indicator.unit();
        requireInRange(indicatorCode, "threshold", threshold, unit);
        if (comparator == Comparator.BETWEEN) {
            if (upper == null) {
                throw new IllegalArgumentException(indicatorCode + ": upper: BETWEEN needs an upper bound");
            }
            requireInRange(indicatorCode, "upper", upper, unit);
            if (threshold.compareTo(upper) > 0) {
                throw new IllegalArgumentException(indicatorCode + ": threshold: BETWEEN lower bound "
                        + threshold.toPlainString() + " is above upper bound " + upper.toPlainString());
            }
        } else if (upper != null) {
            throw new IllegalArgumentException(indicatorCode + ": upper: only BETWEEN has an upper bound, "
                    + comparator + " has " + upper.toPlainString());
        }
        if (deadlineYear < 2000 || deadlineYear > 2100) {
            throw new IllegalArgumentException(indicatorCode + ": deadlineYear: " + deadlineYear + " is not a plan year");
        }
        if ((baseline == null) != (baselineYear == null)) {
            throw new IllegalArgumentException(indicatorCode + ": baselineYear: a baseline and its year go together");
        }
        if (baseline != null) {
            requireInRange(indicatorCode, "baseline", baseline, unit);
            if (baselineYear >= deadlineYear) {
                throw new IllegalArgumentException(indicatorCode + ": baselineYear: " + baselineYear
                        + " is not before the deadline " + deadlineYear);
            }
        }
    }

    private static void requireInRange(String code, String field, BigDecimal value, Unit unit) {
        if (!unit.accepts(value)) {
            throw new IllegalArgumentException(code + ": " + field + ": " + shown(value)
                    + " is outside the range " + unit.range() + " of unit " + unit);
        }
    }

    /**
     * A value as a message may quote it: plain digits when short, else scientific and cut, so that
     * 1E+1000000 does not become a million digits (issue 11: messages never grow with the input).
     */
    static String shown(BigDecimal value) {
        String plain = value.precision() - value.scale() <= 30 && value.scale() <= 30 ? value.toPlainString()
                : value.toString();
        return plain.length() <= 40 ? plain : plain.substring(0, 37) + "...";
    }

    /** 不低于 threshold, due 2025, expected, everywhere. */
    public static Target atLeast(IndicatorDefinition indicator, String threshold, Source source) {
        return new Target(indicator.code(), Comparator.AT_LEAST, new BigDecimal(threshold), null, DEFAULT_DEADLINE,
                Nature.EXPECTED, null, null, Condition.NONE, source);
    }

    /** 不高于 threshold, due 2025, expected, everywhere. */
    public static Target atMost(IndicatorDefinition indicator, String threshold, Source source) {
        return new Target(indicator.code(), Comparator.AT_MOST, new BigDecimal(threshold), null, DEFAULT_DEADLINE,
                Nature.EXPECTED, null, null, Condition.NONE, source);
    }

    /** Between lower and upper, both inclusive, due 2025, expected, everywhere. */
    public static Target between(IndicatorDefinition indicator, String lower, String upper, Source source) {
        return new Target(indicator.code(), Comparator.BETWEEN, new BigDecimal(lower), new BigDecimal(upper),
                DEFAULT_DEADLINE, Nature.EXPECTED, null, null, Condition.NONE, source);
    }

    public Target withCondition(Condition newCondition) {
        return new Target(indicatorCode, comparator, threshold, upper, deadlineYear, nature, baseline, baselineYear,
                newCondition, source);
    }

    public Target withNature(Nature newNature) {
        return new Target(indicatorCode, comparator, threshold, upper, deadlineYear, newNature, baseline, baselineYear,
                condition, source);
    }

    public Target withDeadlineYear(int year) {
        return new Target(indicatorCode, comparator, threshold, upper, year, nature, baseline, baselineYear,
                condition, source);
    }

    public Target withBaseline(int year, String value) {
        return new Target(indicatorCode, comparator, threshold, upper, deadlineYear, nature, new BigDecimal(value),
                year, condition, source);
    }

    public IndicatorDefinition indicator() {
        return Indicators.byCode(indicatorCode).orElseThrow();
    }

    public boolean isMet(BigDecimal value) {
        return comparator.isMet(value, threshold, upper);
    }

    /** Whether a unit with these facts falls under the target (see {@link Condition}). */
    public boolean appliesTo(Map<String, BigDecimal> facts) {
        return condition.test(facts);
    }
}
