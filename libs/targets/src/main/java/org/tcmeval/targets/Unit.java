package org.tcmeval.targets;

import java.math.BigDecimal;

/** Unit of an indicator's value, with the range a threshold may take (a rate of 130% is rejected). */
public enum Unit {
    PERCENT(BigDecimal.ZERO, BigDecimal.valueOf(100)),
    PER_10K_RESIDENTS(BigDecimal.ZERO, null),
    PER_1K_RESIDENTS(BigDecimal.ZERO, null),
    COUNT(BigDecimal.ZERO, null),
    HUNDRED_MILLION_YUAN(BigDecimal.ZERO, null);

    private final BigDecimal min;
    private final BigDecimal max;

    Unit(BigDecimal min, BigDecimal max) {
        this.min = min;
        this.max = max;
    }

    public boolean accepts(BigDecimal value) {
        return value.compareTo(min) >= 0 && (max == null || value.compareTo(max) <= 0);
    }
}
