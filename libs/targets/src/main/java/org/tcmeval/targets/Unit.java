package org.tcmeval.targets;

import java.math.BigDecimal;

/** Unit of an indicator's value, with the range a threshold may take (a rate of 130% is rejected). */
public enum Unit {
    /** %: rates and shares. */
    PERCENT("%", BigDecimal.ZERO, BigDecimal.valueOf(100)),
    /** 每万常住人口: per 10,000 permanent residents. */
    PER_10K_RESIDENTS("每万常住人口", BigDecimal.ZERO, null),
    /** 每千常住人口: per 1,000 permanent residents. */
    PER_1K_RESIDENTS("每千常住人口", BigDecimal.ZERO, null),
    /** 个 / 张 / 人: a number of things. */
    COUNT("个", BigDecimal.ZERO, null),
    /** 亿元: 100 million yuan. */
    HUNDRED_MILLION_YUAN("亿元", BigDecimal.ZERO, null);

    private final String nameZh;
    private final BigDecimal min;
    private final BigDecimal max;

    Unit(String nameZh, BigDecimal min, BigDecimal max) {
        this.nameZh = nameZh;
        this.min = min;
        this.max = max;
    }

    public String nameZh() {
        return nameZh;
    }

    public boolean accepts(BigDecimal value) {
        return value.compareTo(min) >= 0 && (max == null || value.compareTo(max) <= 0);
    }

    /** The accepted range written out, for error messages: {@code [0, 100]} or {@code [0, ∞)}. */
    public String range() {
        return "[" + min.toPlainString() + ", " + (max == null ? "∞)" : max.toPlainString() + "]");
    }

    /** Residents per unit of a density, or {@code null} for units that are not densities. */
    public Integer populationScale() {
        return switch (this) {
            case PER_10K_RESIDENTS -> 10_000;
            case PER_1K_RESIDENTS -> 1_000;
            default -> null;
        };
    }
}
