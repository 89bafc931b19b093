package org.tcmeval.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.tcmeval.targets.Condition;
import org.tcmeval.targets.HospitalGrade;

/**
 * A condition of libs/targets (适用条件: a target's applicability, or an indicator's per-unit rule)
 * as JSON: one node per {@link Condition} record, tagged by {@code type}, so a consumer rebuilds
 * the exact condition instead of parsing its description.
 *
 * <ul>
 *   <li>{@code compare}: {@code field op value}, e.g. {@code residentPopulation GT 300000};</li>
 *   <li>{@code grade}: hospital grade from {@code min} up to {@code max} (open when {@code max} is null);</li>
 *   <li>{@code share}: {@code part >= percent % of whole} on one unit;</li>
 *   <li>{@code all} / {@code any}: every / at least one of {@code parts}; an empty {@code all} is "always".</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConditionSpec(
        String type,
        String field,
        Condition.Op op,
        BigDecimal value,
        HospitalGrade min,
        HospitalGrade max,
        String part,
        String whole,
        BigDecimal percent,
        List<ConditionSpec> parts) {

    public static final String COMPARE = "compare";
    public static final String GRADE = "grade";
    public static final String SHARE = "share";
    public static final String ALL = "all";
    public static final String ANY = "any";

    public static ConditionSpec compare(String field, Condition.Op op, BigDecimal value) {
        return new ConditionSpec(COMPARE, field, op, value, null, null, null, null, null, null);
    }

    public static ConditionSpec grade(HospitalGrade min, HospitalGrade max) {
        return new ConditionSpec(GRADE, null, null, null, min, max, null, null, null, null);
    }

    public static ConditionSpec share(String part, String whole, BigDecimal percent) {
        return new ConditionSpec(SHARE, null, null, null, null, null, part, whole, percent, null);
    }

    public static ConditionSpec group(String type, List<ConditionSpec> parts) {
        return new ConditionSpec(type, null, null, null, null, null, null, null, null, List.copyOf(parts));
    }

    public static ConditionSpec of(Condition condition) {
        return switch (condition) {
            case Condition.Compare c -> compare(c.field(), c.op(), c.value());
            case Condition.GradeRange g -> grade(g.min(), g.max());
            case Condition.ShareAtLeast s -> share(s.part(), s.whole(), s.percent());
            case Condition.All a -> group(ALL, a.parts().stream().map(ConditionSpec::of).toList());
            case Condition.Any a -> group(ANY, a.parts().stream().map(ConditionSpec::of).toList());
        };
    }

    /**
     * The condition this node describes, checked by libs/targets' own constructors.
     *
     * @throws IllegalArgumentException naming the offending member ({@code type}, {@code value}, ...)
     *                                  the way libs/targets does, so callers can turn it into a field error
     */
    public Condition toCondition() {
        if (type == null) {
            throw new IllegalArgumentException("type: a condition needs a type (compare, grade, share, all, any)");
        }
        return switch (type) {
            case COMPARE -> new Condition.Compare(field, required(op, "op"), required(value, "value"));
            case GRADE -> new Condition.GradeRange(required(min, "min"), max);
            case SHARE -> new Condition.ShareAtLeast(part, whole, required(percent, "percent"));
            case ALL -> new Condition.All(children());
            case ANY -> new Condition.Any(children());
            default -> throw new IllegalArgumentException("type: unknown condition type '" + type
                    + "' (compare, grade, share, all, any)");
        };
    }

    private List<Condition> children() {
        if (parts == null) {
            throw new IllegalArgumentException("parts: '" + type + "' needs a list of parts");
        }
        return parts.stream().map(p -> required(p, "parts").toCondition()).toList();
    }

    private static <T> T required(T value, String member) {
        if (value == null) {
            throw new IllegalArgumentException(member + ": is required for this condition type");
        }
        return value;
    }
}
