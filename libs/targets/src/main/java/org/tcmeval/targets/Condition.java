package org.tcmeval.targets;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A condition on one unit (适用条件): an institution, or a county when the indicator reads county
 * figures. The same small language serves two purposes, so the engine interprets one thing:
 * <ul>
 *   <li>an indicator's per-unit rule, e.g. {@code techniqueClasses >= 6 and techniqueItems >= 10};</li>
 *   <li>a target's applicability, e.g. {@code residentPopulation > 300000} or {@code hospitalGrade >= 2A}.</li>
 * </ul>
 * Facts are numbers keyed by report field name (a hospital grade is its {@link HospitalGrade#rank()}).
 *
 * <p><b>One meaning for a target condition.</b> What a target's condition does depends on whose
 * facts it reads ({@link FactLevel}), never on the profile that wrote it:
 * <ul>
 *   <li>on institution facts (institution report fields or {@code hospitalGrade}) it <em>filters
 *       the units</em>: only institutions meeting it count, in numerator and denominator alike
 *       (Inner Mongolia: of grade-2+ county TCM hospitals, 100% have a 康复科);</li>
 *   <li>on division facts (county or jurisdiction report fields) it decides whether the target
 *       <em>binds the division</em>: a division failing it is not applicable, not failing (Guangxi
 *       row 18: counties of more than 300,000 residents with a grade-2A+ TCM hospital). Where the
 *       indicator's units are themselves counties, that is the same as filtering the counties a
 *       city or province sums;</li>
 *   <li>a condition mixing both levels must be an {@code and} of a pure part of each, which
 *       {@link ConditionSplit} cuts apart; any other mix is rejected.</li>
 * </ul>
 *
 * <p><b>Missing facts.</b> A condition answers in three values ({@link #truth}, {@link Truth}): a
 * comparison on a fact the unit has not reported is UNKNOWN, and {@code and} / {@code or} combine by
 * Kleene's rules, so a known part that settles the whole settles it (250,000 residents rules out
 * "more than 300,000 residents and a grade-2A+ hospital" with the grade figure missing), and
 * anything else with a fact missing stays UNKNOWN, never a silent "no". {@link #test} is the
 * two-valued reading (UNKNOWN does not hold) for callers that only need "does it surely hold".
 */
public sealed interface Condition {

    /** The empty conjunction: always true, written {@code always}. */
    Condition NONE = new All(List.of());

    /** TRUE or FALSE where the facts decide it, UNKNOWN where a missing fact could still change it. */
    Truth truth(Map<String, BigDecimal> facts);

    /** Whether the condition surely holds on these facts (UNKNOWN does not). */
    default boolean test(Map<String, BigDecimal> facts) {
        return truth(facts) == Truth.TRUE;
    }

    /** Fact names the condition reads. */
    Set<String> fields();

    /** The condition written out, e.g. {@code techniqueClasses >= 6 and techniqueItems >= 10}. */
    String describe();

    default Condition and(Condition other) {
        return all(this, other);
    }

    static Condition atLeast(String field, long value) {
        return new Compare(field, Op.GE, BigDecimal.valueOf(value));
    }

    static Condition greaterThan(String field, long value) {
        return new Compare(field, Op.GT, BigDecimal.valueOf(value));
    }

    /** A 0/1 report flag that is set. */
    static Condition flag(String field) {
        return new Compare(field, Op.EQ, BigDecimal.ONE);
    }

    static Condition gradeAtLeast(HospitalGrade min) {
        return new GradeRange(min, null);
    }

    static Condition gradeBetween(HospitalGrade min, HospitalGrade max) {
        return new GradeRange(min, max);
    }

    /** {@code part / whole >= percent %}, judged on one unit (not summed over units). */
    static Condition shareAtLeast(String part, String whole, String percent) {
        return new ShareAtLeast(part, whole, new BigDecimal(percent));
    }

    static Condition all(Condition... parts) {
        return new All(List.of(parts));
    }

    static Condition any(Condition... parts) {
        return new Any(List.of(parts));
    }

    /** Comparison operators; {@code symbol} is how {@link #describe()} writes them. */
    enum Op {
        GT(">"), GE(">="), EQ("="), LE("<="), LT("<");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case EQ -> comparison == 0;
                case LE -> comparison <= 0;
                case LT -> comparison < 0;
            };
        }
    }

    /** {@code field op value}. */
    record Compare(String field, Op op, BigDecimal value) implements Condition {
        public Compare {
            requireFieldName(field, "field");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Truth truth(Map<String, BigDecimal> facts) {
            BigDecimal fact = facts.get(field);
            return fact == null ? Truth.UNKNOWN : Truth.of(op.holds(fact.compareTo(value)));
        }

        @Override
        public Set<String> fields() {
            return Set.of(field);
        }

        @Override
        public String describe() {
            return field + " " + op.symbol() + " " + value.toPlainString();
        }
    }

    /** {@code hospitalGrade >= min}, and {@code <= max} when a max is given. */
    record GradeRange(HospitalGrade min, HospitalGrade max) implements Condition {
        public GradeRange {
            Objects.requireNonNull(min, "min");
            if (max != null && max.rank() < min.rank()) {
                throw new IllegalArgumentException("max: grade range upper bound " + max.label()
                        + " is below its lower bound " + min.label());
            }
        }

        @Override
        public Truth truth(Map<String, BigDecimal> facts) {
            BigDecimal rank = facts.get(HospitalGrade.FACT);
            return rank == null ? Truth.UNKNOWN : Truth.of(rank.compareTo(min.asFact()) >= 0
                    && (max == null || rank.compareTo(max.asFact()) <= 0));
        }

        @Override
        public Set<String> fields() {
            return Set.of(HospitalGrade.FACT);
        }

        @Override
        public String describe() {
            return max == null
                    ? HospitalGrade.FACT + " >= " + min.label()
                    : HospitalGrade.FACT + " between " + min.label() + " and " + max.label();
        }
    }

    /**
     * {@code part >= percent % of whole} on a single unit. A unit with no whole (no physicians at
     * all) does not meet it: a centre without physicians has no TCM physicians to show either.
     */
    record ShareAtLeast(String part, String whole, BigDecimal percent) implements Condition {
        public ShareAtLeast {
            requireFieldName(part, "part");
            requireFieldName(whole, "whole");
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("percent: a share rule needs a percentage in (0, 100], got "
                        + percent.toPlainString());
            }
        }

        @Override
        public Truth truth(Map<String, BigDecimal> facts) {
            BigDecimal p = facts.get(part);
            BigDecimal w = facts.get(whole);
            if (w != null && w.signum() <= 0) {
                return Truth.FALSE;   // no physicians at all: whatever the part, there is no share to meet
            }
            if (p == null || w == null) {
                return Truth.UNKNOWN;
            }
            // Cross-multiplied so 1/3 against 33.33% is exact, with no rounding of the share.
            return Truth.of(p.multiply(BigDecimal.valueOf(100)).compareTo(percent.multiply(w)) >= 0);
        }

        @Override
        public Set<String> fields() {
            return new LinkedHashSet<>(List.of(part, whole));
        }

        @Override
        public String describe() {
            return part + " >= " + percent.toPlainString() + "% of " + whole;
        }
    }

    /** Every part holds; no parts means always. */
    record All(List<Condition> parts) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public Truth truth(Map<String, BigDecimal> facts) {
            Truth t = Truth.TRUE;
            for (Condition c : parts) {
                t = t.and(c.truth(facts));
                if (t == Truth.FALSE) {
                    return t;
                }
            }
            return t;
        }

        @Override
        public Set<String> fields() {
            return parts.stream().flatMap(c -> c.fields().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        @Override
        public String describe() {
            return parts.isEmpty() ? "always" : join(parts, " and ");
        }
    }

    /** At least one part holds. */
    record Any(List<Condition> parts) implements Condition {
        public Any {
            parts = List.copyOf(parts);
            if (parts.size() < 2) {
                throw new IllegalArgumentException("parts: 'any' needs at least two alternatives");
            }
        }

        @Override
        public Truth truth(Map<String, BigDecimal> facts) {
            Truth t = Truth.FALSE;
            for (Condition c : parts) {
                t = t.or(c.truth(facts));
                if (t == Truth.TRUE) {
                    return t;
                }
            }
            return t;
        }

        @Override
        public Set<String> fields() {
            return parts.stream().flatMap(c -> c.fields().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        @Override
        public String describe() {
            return join(parts, " or ");
        }
    }

    private static String join(List<Condition> parts, String separator) {
        return parts.stream()
                .map(c -> c instanceof All || c instanceof Any ? "(" + c.describe() + ")" : c.describe())
                .collect(Collectors.joining(separator));
    }

    private static void requireFieldName(String name, String what) {
        if (name == null || !FieldNames.isValid(name)) {
            throw new IllegalArgumentException(what + ": '" + name + "' is not a report field name (lowerCamelCase)");
        }
    }
}
