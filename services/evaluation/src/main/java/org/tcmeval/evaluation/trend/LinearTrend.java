package org.tcmeval.evaluation.trend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.tcmeval.targets.Comparator;

/**
 * Ordinary least squares over (year, value) points and its value at a later year (线性外推), kept as
 * one exact fraction so a verdict against a target is never decided by rounding: the projected value
 * is {@code numerator / denominator} and is compared by cross-multiplying. Plain Java.
 *
 * <p>With n points, Sx = Σx, Sy = Σy, Sxx = Σx², Sxy = Σxy and D = n·Sxx − Sx² (positive as soon as
 * two years differ), the slope is b = (n·Sxy − Sx·Sy) / D and the line at year X is
 * ȳ + b·(X − x̄) = (Sy·D + (n·Sxy − Sx·Sy)·(n·X − Sx)) / (n·D).
 */
public final class LinearTrend {

    /** Decimal places of the values shown (the verdict uses the exact fraction). */
    public static final int SCALE = 4;

    private LinearTrend() {
    }

    /** One year's value. */
    public record Point(int year, BigDecimal value) {
    }

    /**
     * A fitted line and its exact value at {@code year}.
     *
     * @param numerator   exact projected value times {@code denominator}
     * @param denominator n·D, always positive
     */
    public record Fit(int points, int firstYear, int lastYear, int year, BigDecimal slopePerYear, BigDecimal numerator,
            BigDecimal denominator) {

        /** The projected value rounded half up to {@link #SCALE} places, for display only. */
        public BigDecimal value() {
            return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        }

        /** Whether the exact projected value meets the target: the comparator applied to both sides times n·D. */
        public boolean meets(Comparator comparator, BigDecimal threshold, BigDecimal upper) {
            return comparator.isMet(numerator, threshold.multiply(denominator),
                    upper == null ? null : upper.multiply(denominator));
        }
    }

    /**
     * The line through {@code points} evaluated at {@code year}; empty with fewer than two distinct
     * years (one point fixes no slope). A year given twice is an error: a series has one value a year.
     */
    public static Optional<Fit> fit(List<Point> points, int year) {
        TreeMap<Integer, BigDecimal> byYear = new TreeMap<>();
        for (Point p : points) {
            if (byYear.put(p.year(), p.value()) != null) {
                throw new IllegalArgumentException("points: year " + p.year() + " given twice");
            }
        }
        if (byYear.size() < 2) {
            return Optional.empty();
        }
        long n = byYear.size();
        long sx = 0;
        long sxx = 0;
        BigDecimal sy = BigDecimal.ZERO;
        BigDecimal sxy = BigDecimal.ZERO;
        for (var e : byYear.entrySet()) {
            long x = e.getKey();
            sx += x;
            sxx += x * x;
            sy = sy.add(e.getValue());
            sxy = sxy.add(e.getValue().multiply(BigDecimal.valueOf(x)));
        }
        BigDecimal d = BigDecimal.valueOf(n * sxx - sx * sx);
        BigDecimal slopeTimesD = sxy.multiply(BigDecimal.valueOf(n)).subtract(sy.multiply(BigDecimal.valueOf(sx)));
        BigDecimal numerator = sy.multiply(d).add(slopeTimesD.multiply(BigDecimal.valueOf(n * year - sx)));
        BigDecimal denominator = d.multiply(BigDecimal.valueOf(n));
        BigDecimal slope = slopeTimesD.divide(d, SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return Optional.of(new Fit((int) n, byYear.firstKey(), byYear.lastKey(), year, slope, numerator, denominator));
    }
}
