package org.tcmeval.support.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcmeval.support.memory.IdleHeapTrim.Outcome.BUSY;
import static org.tcmeval.support.memory.IdleHeapTrim.Outcome.DONE_FOR_THIS_QUIET_PERIOD;
import static org.tcmeval.support.memory.IdleHeapTrim.Outcome.NOTHING_TO_GIVE_BACK;
import static org.tcmeval.support.memory.IdleHeapTrim.Outcome.QUIETING;
import static org.tcmeval.support.memory.IdleHeapTrim.Outcome.TRIMMED;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleHeapTrimTest {

    static final long MB = 1 << 20;
    static final long SECOND = 1_000_000_000L;

    /** A process whose clock, CPU and heap the test moves by hand; a collection shrinks the heap to {@code live}. */
    static final class FakeProcess implements IdleHeapTrim.Probe {
        long now;
        long cpu;
        long committed = 80 * MB;
        long live = 60 * MB;
        int collections;
        int nativeTrims;
        long collectionCpu;

        /** One second passes, during which the process used {@code cores} of CPU. */
        void second(double cores) {
            now += SECOND;
            cpu += (long) (cores * SECOND);
        }

        @Override
        public long cpuNanos() {
            return cpu;
        }

        @Override
        public long heapCommitted() {
            return committed;
        }

        @Override
        public void collect() {
            collections++;
            committed = live;
            cpu += collectionCpu;
        }

        @Override
        public void trimNative() {
            nativeTrims++;
        }
    }

    final FakeProcess process = new FakeProcess();
    final IdleHeapTrim trim = new IdleHeapTrim(new IdleHeapTrim.Settings(Duration.ofSeconds(5), 0.05, 32 * MB, true),
            process, () -> process.now);

    IdleHeapTrim.Outcome tickAfter(double cores) {
        process.second(cores);
        return trim.tick();
    }

    @Test
    void givesTheHeapBackOnceTheProcessHasBeenQuietForFiveSecondsAfterABurst() {
        // The burst: 1.6 cores for 3 s, and the heap grows from 80 MB (the start) to its 320 MB maximum.
        process.committed = 320 * MB;
        for (int i = 0; i < 3; i++) {
            assertThat(tickAfter(1.6)).isEqualTo(BUSY);
        }
        // Quiet: 0.01 cores. Seconds 1-4 of quiet are not enough (5 s needed); the fifth is.
        for (int i = 0; i < 4; i++) {
            assertThat(tickAfter(0.01)).isEqualTo(QUIETING);
        }
        assertThat(process.collections).isZero();
        assertThat(tickAfter(0.01)).isEqualTo(TRIMMED);
        assertThat(process.collections).isEqualTo(1);
        assertThat(process.nativeTrims).isEqualTo(1);
        assertThat(trim.lastTrim().committedBefore()).isEqualTo(320 * MB);
        assertThat(trim.lastTrim().committedAfter()).isEqualTo(60 * MB);
        // One collection per quiet period, however long it lasts.
        for (int i = 0; i < 10; i++) {
            assertThat(tickAfter(0.01)).isEqualTo(DONE_FOR_THIS_QUIET_PERIOD);
        }
        assertThat(process.collections).isEqualTo(1);
    }

    @Test
    void neverCollectsWhileTheProcessIsBusyEvenWithAGrownHeap() {
        process.committed = 320 * MB;
        // 60 s of 0.06 cores, just above the 0.05 limit: busy every second, so no collection.
        for (int i = 0; i < 60; i++) {
            assertThat(tickAfter(0.06)).isEqualTo(BUSY);
        }
        assertThat(process.collections).isZero();
    }

    @Test
    void aBusySecondRestartsTheQuietPeriod() {
        process.committed = 320 * MB;
        for (int i = 0; i < 4; i++) {
            tickAfter(0.0);
        }
        assertThat(tickAfter(0.5)).isEqualTo(BUSY);
        // Four quiet seconds after the busy one: still short of five.
        for (int i = 0; i < 4; i++) {
            assertThat(tickAfter(0.0)).isEqualTo(QUIETING);
        }
        assertThat(process.collections).isZero();
        assertThat(tickAfter(0.0)).isEqualTo(TRIMMED);
    }

    @Test
    void aHeapThatGrewLessThanTheMinimumIsLeftAlone() {
        // From 80 MB at the start to 111 MB: 31 MB of growth, under the 32 MB minimum.
        process.committed = 111 * MB;
        tickAfter(1.0);
        for (int i = 0; i < 4; i++) {
            tickAfter(0.0);
        }
        assertThat(tickAfter(0.0)).isEqualTo(NOTHING_TO_GIVE_BACK);
        assertThat(process.collections).isZero();
    }

    @Test
    void theCollectionsOwnCpuDoesNotEndTheQuietPeriodAndTheNextBurstIsGivenBackAgain() {
        process.committed = 320 * MB;
        process.collectionCpu = SECOND / 2;   // a full collection of a large heap: 0.5 CPU-s
        tickAfter(1.0);
        for (int i = 0; i < 5; i++) {
            tickAfter(0.0);
        }
        assertThat(process.collections).isEqualTo(1);
        assertThat(tickAfter(0.0)).isEqualTo(DONE_FOR_THIS_QUIET_PERIOD);
        // A second burst grows the heap again (from the 60 MB after the trim to 200 MB): given back again.
        process.committed = 200 * MB;
        assertThat(tickAfter(1.2)).isEqualTo(BUSY);
        for (int i = 0; i < 4; i++) {
            assertThat(tickAfter(0.0)).isEqualTo(QUIETING);
        }
        assertThat(tickAfter(0.0)).isEqualTo(TRIMMED);
        assertThat(process.collections).isEqualTo(2);
    }

    @Test
    void aSmallBurstAfterATrimDoesNotCostAnotherFullCollection() {
        process.committed = 320 * MB;
        tickAfter(1.0);
        for (int i = 0; i < 5; i++) {
            tickAfter(0.0);
        }
        // A few requests: the heap grows from 60 MB (after the trim) to 70 MB, 10 MB < 32 MB.
        process.committed = 70 * MB;
        tickAfter(0.3);
        for (int i = 0; i < 4; i++) {
            tickAfter(0.0);
        }
        assertThat(tickAfter(0.0)).isEqualTo(NOTHING_TO_GIVE_BACK);
        assertThat(process.collections).isEqualTo(1);
    }

    @Test
    void aRequestGivesTheHeapBackAtTheNextTickWithoutWaitingForQuiet() {
        process.committed = 320 * MB;
        assertThat(tickAfter(1.6)).isEqualTo(BUSY);
        // The job has just committed; the outbox relay still keeps the process busy.
        trim.request();
        assertThat(tickAfter(0.8)).isEqualTo(TRIMMED);
        assertThat(process.collections).isEqualTo(1);
        assertThat(process.nativeTrims).isEqualTo(1);
        // The quiet period that follows finds nothing more to give back: no second collection.
        for (int i = 0; i < 10; i++) {
            tickAfter(0.0);
        }
        assertThat(process.collections).isEqualTo(1);
    }

    @Test
    void aRequestIsOneTickOnly() {
        process.committed = 320 * MB;
        trim.request();
        process.committed = 100 * MB;   // it shrank on its own before the tick: under the 32 MB growth
        assertThat(tickAfter(1.0)).isEqualTo(BUSY);
        // Growth after that tick waits for the quiet period again.
        process.committed = 320 * MB;
        assertThat(tickAfter(1.0)).isEqualTo(BUSY);
        assertThat(process.collections).isZero();
    }

    @Test
    void requestsWithinTheCooldownAreIgnoredSoAStreamOfThemCannotCollectEverySecond() {
        process.committed = 320 * MB;
        trim.request();
        assertThat(tickAfter(1.0)).isEqualTo(TRIMMED);
        // Busy for 29 more seconds, the heap regrows, and the caller asks after every batch.
        for (int i = 0; i < 29; i++) {
            process.committed = 320 * MB;
            trim.request();
            assertThat(tickAfter(1.0)).isEqualTo(BUSY);
        }
        assertThat(process.collections).isEqualTo(1);
        // 30 s after the requested trim, a request is honoured again.
        trim.request();
        assertThat(tickAfter(1.0)).isEqualTo(TRIMMED);
        assertThat(process.collections).isEqualTo(2);
    }
}
