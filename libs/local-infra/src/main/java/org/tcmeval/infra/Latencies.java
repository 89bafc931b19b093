package org.tcmeval.infra;

import java.util.Collection;

/**
 * Latencies a bench measured, in nanoseconds, sorted once and read as milliseconds: the p50/p95/p99/max
 * the benches print. Written once here because each bench had its own copy of the same index
 * arithmetic. Two readings of a percentile are kept apart on purpose, each as the benches have always
 * printed it, so numbers stay comparable with earlier runs:
 * {@link #atMs} takes the element at index {@code floor(q * n)} (the p50/p99 of the steady
 * submissions and corrections), {@link #nearestRankMs} the nearest rank {@code ceil(p/100 * n)}
 * (the dashboard reads).
 */
public final class Latencies {

    private final long[] sorted;

    private Latencies(long[] sorted) {
        this.sorted = sorted;
    }

    /** The latencies (nanoseconds) in any order; the collection is copied, not kept. */
    public static Latencies of(Collection<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latencies(a);
    }

    public int count() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /** The element at index {@code floor(q * n)} (q in [0, 1)), in ms: q 0.5 is the upper median. */
    public double atMs(double q) {
        return sorted[(int) (sorted.length * q)] / 1e6;
    }

    /** The nearest-rank percentile {@code p} (1..100), in ms: the smallest value with p% of all at or below it. */
    public double nearestRankMs(int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    public double maxMs() {
        return sorted[sorted.length - 1] / 1e6;
    }

    /** Seconds since {@code startNanos} (a {@link System#nanoTime()}), the benches' elapsed times. */
    public static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
