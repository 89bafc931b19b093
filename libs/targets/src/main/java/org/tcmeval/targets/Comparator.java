package org.tcmeval.targets;

import java.math.BigDecimal;
import java.util.Objects;

/** How an observed value is judged against a target's threshold(s). Bounds are inclusive. */
public enum Comparator {
    /** 不低于 / ≥ : value &gt;= threshold. */
    AT_LEAST,
    /** 不高于 / ≤ : value &lt;= threshold. */
    AT_MOST,
    /** 区间: lower &lt;= value &lt;= upper, both bounds inclusive (e.g. 0.4–0.7 TCM GPs per 10,000). */
    BETWEEN;

    /**
     * @param value observed value in the indicator's unit
     * @param threshold lower bound for {@link #AT_LEAST} and {@link #BETWEEN}, upper bound for {@link #AT_MOST}
     * @param upper upper bound for {@link #BETWEEN}; ignored otherwise
     */
    public boolean isMet(BigDecimal value, BigDecimal threshold, BigDecimal upper) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(threshold, "threshold");
        return switch (this) {
            case AT_LEAST -> value.compareTo(threshold) >= 0;
            case AT_MOST -> value.compareTo(threshold) <= 0;
            case BETWEEN -> value.compareTo(threshold) >= 0
                    && value.compareTo(Objects.requireNonNull(upper, "upper bound of BETWEEN")) <= 0;
        };
    }
}
