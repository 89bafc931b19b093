package org.tcmeval.targets;

import java.math.BigDecimal;

/**
 * Unit of an indicator's value, with the range a threshold or baseline may take (a rate of 130% is
 * rejected, and so is a count no jurisdiction can reach). The upper bounds come from the bounds of
 * the report figures ({@link ReportField}) the values are computed from, so a target can never ask
 * for more than a report could ever show.
 */
public enum Unit {
    /** %: rates and shares. */
    PERCENT("%", ReportField.Kind.PERCENT.defaultMax()),
    /** 每万常住人口: per 10,000 permanent residents; at most one per resident. */
    PER_10K_RESIDENTS("每万常住人口", BigDecimal.valueOf(10_000)),
    /** 每千常住人口: per 1,000 permanent residents; at most one per resident. */
    PER_1K_RESIDENTS("每千常住人口", BigDecimal.valueOf(1_000)),
    /** 个 / 张 / 人: institutions, beds or staff of a jurisdiction, bounded as a province's figures are. */
    COUNT("个", ReportField.MAX_PROVINCE_COUNT),
    /** 亿元: 100 million yuan, bounded as the reported amounts are. */
    HUNDRED_MILLION_YUAN("亿元", ReportField.Kind.DECIMAL.defaultMax());

    private final String nameZh;
    private final BigDecimal min;
    private final BigDecimal max;

    Unit(String nameZh, BigDecimal max) {
        this.nameZh = nameZh;
        this.min = BigDecimal.ZERO;
        this.max = max;
    }

    public String nameZh() {
        return nameZh;
    }

    public boolean accepts(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    /** The largest value a threshold or baseline of this unit may take. */
    public BigDecimal max() {
        return max;
    }

    /** The accepted range written out, for error messages: {@code [0, 100]}. */
    public String range() {
        return "[" + min.toPlainString() + ", " + max.toPlainString() + "]";
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
