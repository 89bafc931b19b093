package org.tcmeval.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.Condition;
import org.tcmeval.targets.Nature;
import org.tcmeval.targets.Source;
import org.tcmeval.targets.Target;

/**
 * A libs/targets {@link Target} (目标值) as JSON, the form in which the catalog stores and publishes
 * targets. {@link #toTarget()} goes back through the library's constructor, so whatever a consumer
 * reads has passed the same checks as a transcribed seed (known indicator, unit range, bounds).
 *
 * @param condition {@code null} when the target applies to every unit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetSpec(
        String indicatorCode,
        Comparator comparator,
        BigDecimal threshold,
        BigDecimal upper,
        int deadlineYear,
        Nature nature,
        BigDecimal baseline,
        Integer baselineYear,
        ConditionSpec condition,
        Source source) {

    public static TargetSpec of(Target t) {
        ConditionSpec condition = Condition.NONE.equals(t.condition()) ? null : ConditionSpec.of(t.condition());
        return new TargetSpec(t.indicatorCode(), t.comparator(), t.threshold(), t.upper(), t.deadlineYear(), t.nature(),
                t.baseline(), t.baselineYear(), condition, t.source());
    }

    /** @throws IllegalArgumentException from libs/targets when the target is not valid */
    public Target toTarget() {
        return new Target(indicatorCode, comparator, threshold, upper, deadlineYear, nature, baseline, baselineYear,
                condition == null ? null : condition.toCondition(), source);
    }
}
