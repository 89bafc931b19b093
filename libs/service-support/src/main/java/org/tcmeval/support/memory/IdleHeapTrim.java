package org.tcmeval.support.memory;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Gives heap back to the system once the process has gone quiet after a burst. Serial GC (the
 * launcher's collector, chosen for its low CPU) returns heap only after a full collection, and a
 * burst that grew the heap to its maximum usually ends without one, so the process kept its peak
 * heap resident for good. This asks for one full collection when the process has used almost no
 * CPU for a while and the heap has grown well above what was committed after the last such
 * collection; the collector then shrinks the heap to {@code MaxHeapFreeRatio}. It never acts while
 * the process is busy, so a burst pays nothing for it, unless code that knows a burst just ended
 * {@linkplain #request() asks} for the heap back at once. Plain Java: the clock and the process are
 * injected ({@link Probe}), {@link #tick()} is called at a fixed rate by {@link IdleHeapTrimmer}.
 */
public final class IdleHeapTrim {

    /** What the process looks like, and the two things the trim does to it. */
    public interface Probe {

        /** CPU time the whole process has used, in nanoseconds. */
        long cpuNanos();

        /** Heap committed now, in bytes. */
        long heapCommitted();

        /** Asks for a full collection (it returns once the collection is done). */
        void collect();

        /** Hands freed native memory back to the system (glibc keeps it otherwise); may do nothing. */
        void trimNative();
    }

    /**
     * @param idleAfter how long the process must have been quiet before the heap is given back
     * @param maxIdleCpu CPU use, in cores (1.0 = one core busy), at or below which the process counts as quiet
     * @param minGrowthBytes how far the committed heap must have grown since the last trim (or the start) to act
     * @param trimNative whether freed native memory is handed back too, right after the collection
     * @param requestCooldown how long after a trim done on {@linkplain #request() request} another request is
     *     ignored (the quiet-period trim still applies)
     */
    public record Settings(Duration idleAfter, double maxIdleCpu, long minGrowthBytes, boolean trimNative,
            Duration requestCooldown) {

        public Settings(Duration idleAfter, double maxIdleCpu, long minGrowthBytes, boolean trimNative) {
            this(idleAfter, maxIdleCpu, minGrowthBytes, trimNative, Duration.ofSeconds(30));
        }
    }

    /** What a tick found (and did), for the log and the tests. */
    public enum Outcome {
        /** Above {@code maxIdleCpu} since the last tick: the quiet period, if any, is over. */
        BUSY,
        /** Quiet, but not yet for {@code idleAfter}. */
        QUIETING,
        /** Quiet long enough, but the heap has not grown by {@code minGrowthBytes}. */
        NOTHING_TO_GIVE_BACK,
        /** Already collected in this quiet period: one collection per quiet period. */
        DONE_FOR_THIS_QUIET_PERIOD,
        /** Asked for a full collection. */
        TRIMMED
    }

    /** The committed heap before and after the last trim, for the debug log. */
    public record Trim(long committedBefore, long committedAfter, Duration took) {
    }

    private final Settings settings;
    private final Probe probe;
    private final LongSupplier nanoClock;
    private long lastWall;
    private long lastCpu;
    private long quietSince;
    private boolean trimmedThisQuietPeriod;
    private long baseline;
    private Trim lastTrim;
    private boolean requested;
    private boolean trimmedOnRequest;
    private long lastRequestedTrim;

    public IdleHeapTrim(Settings settings, Probe probe, LongSupplier nanoClock) {
        this.settings = settings;
        this.probe = probe;
        this.nanoClock = nanoClock;
        this.lastWall = nanoClock.getAsLong();
        this.lastCpu = probe.cpuNanos();
        this.quietSince = lastWall;
        // What the service needed to start is its floor: only growth beyond it is given back.
        this.baseline = probe.heapCommitted();
    }

    public synchronized Outcome tick() {
        long now = nanoClock.getAsLong();
        long cpu = probe.cpuNanos();
        long wall = now - lastWall;
        double cores = wall <= 0 ? 0 : (double) (cpu - lastCpu) / wall;
        long intervalStart = lastWall;
        lastWall = now;
        lastCpu = cpu;
        boolean busy = cores > settings.maxIdleCpu();
        if (busy) {
            quietSince = -1;
            trimmedThisQuietPeriod = false;
        } else if (quietSince < 0) {
            quietSince = intervalStart;
        }
        if (requested) {
            requested = false;
            long committed = probe.heapCommitted();
            boolean coolingDown = trimmedOnRequest && now - lastRequestedTrim < settings.requestCooldown().toNanos();
            if (!coolingDown && committed - baseline >= settings.minGrowthBytes()) {
                trimmedOnRequest = true;
                lastRequestedTrim = now;
                return trim(committed, now);
            }
        }
        if (busy) {
            return Outcome.BUSY;
        }
        if (now - quietSince < settings.idleAfter().toNanos()) {
            return Outcome.QUIETING;
        }
        if (trimmedThisQuietPeriod) {
            return Outcome.DONE_FOR_THIS_QUIET_PERIOD;
        }
        long committed = probe.heapCommitted();
        if (committed - baseline < settings.minGrowthBytes()) {
            // A heap that shrank on its own (a full collection during the burst) lowers the floor.
            baseline = Math.min(baseline, committed);
            return Outcome.NOTHING_TO_GIVE_BACK;
        }
        return trim(committed, now);
    }

    private Outcome trim(long committed, long now) {
        probe.collect();
        if (settings.trimNative()) {
            probe.trimNative();
        }
        trimmedThisQuietPeriod = true;
        baseline = probe.heapCommitted();
        // The collection's own CPU must not read as the end of the quiet period.
        lastWall = nanoClock.getAsLong();
        lastCpu = probe.cpuNanos();
        lastTrim = new Trim(committed, baseline, Duration.ofNanos(lastWall - now));
        return Outcome.TRIMMED;
    }

    /**
     * A burst has just ended (a bulk job finished): the next {@link #tick()} gives the heap back
     * without waiting for the quiet period, so the process does not sit on its peak for the 5 s or
     * more that takes. Still only if the heap grew by {@code minGrowthBytes}, and at most once per
     * {@code requestCooldown}: a caller that asks after every batch of a steady stream must not
     * turn it into a full collection a second.
     */
    public synchronized void request() {
        requested = true;
    }

    /** The last trim done, or null. */
    public synchronized Trim lastTrim() {
        return lastTrim;
    }
}
