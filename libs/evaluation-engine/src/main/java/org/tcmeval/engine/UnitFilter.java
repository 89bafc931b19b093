package org.tcmeval.engine;

import java.util.Objects;
import org.tcmeval.targets.Condition;

/**
 * Which units count for an indicator under one target (计入范围): the indicator's own filter
 * (only CHSC/THC that have a 中医馆) and the unit part of the target's condition (only grade-2+
 * hospitals). Contributions depend on it, so the service keeps a division's sums per
 * {@link #key()}: two profiles that filter differently (Guangxi and Yulin row 18) get two sets
 * of sums, two that filter alike share one.
 */
public record UnitFilter(Condition condition) {

    public static final UnitFilter NONE = new UnitFilter(Condition.NONE);

    public UnitFilter {
        Objects.requireNonNull(condition, "condition");
    }

    /** Stable key of the filter: the condition written out, {@code always} when none. */
    public String key() {
        return condition.describe();
    }
}
