package org.tcmeval.evaluation.service;

/**
 * When the roll-up drain runs next (plain Java; times are nanoseconds of a monotonic clock). A poll
 * that wrote deltas asks for a drain {@code delay} later, so the polls of a burst that commit within it
 * are folded together, but never sooner than {@code minInterval} after the previous drain started:
 * the city and province results are then judged a few times per burst instead of once per poll.
 * Every {@code maxInterval} a drain runs regardless, for deltas nobody asked for (another instance's,
 * a crash's, a re-judging job's).
 */
final class DrainSchedule {

    record Settings(long delay, long minInterval, long maxInterval) {
    }

    private final Settings settings;
    private long lastStart;
    private boolean requested;
    /** The first request since the last drain started: later ones do not push the drain back. */
    private long requestedAt;

    DrainSchedule(Settings settings, long now) {
        this.settings = settings;
        this.lastStart = now;
    }

    synchronized void requested(long now) {
        if (!requested) {
            requested = true;
            requestedAt = now;
        }
    }

    /** When the next drain is due. */
    synchronized long dueAt() {
        long regular = lastStart + settings.maxInterval();
        if (!requested) {
            return regular;
        }
        long asked = Math.max(requestedAt + settings.delay(), lastStart + settings.minInterval());
        // Overflow-safe comparison of monotonic times: the earlier of the two.
        return asked - regular < 0 ? asked : regular;
    }

    synchronized boolean due(long now) {
        return now - dueAt() >= 0;
    }

    /** A drain starts: what was asked for until now is in it (a request from now on asks for the next one). */
    synchronized void started(long now) {
        lastStart = now;
        requested = false;
    }
}
