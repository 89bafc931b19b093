package org.tcmeval.evaluation.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The drain's timing, in milliseconds as nanoseconds would be read: delay 100, at most every 500, every 2,000 regardless. */
class DrainScheduleTest {

    static final long MS = 1_000_000;
    final DrainSchedule schedule = new DrainSchedule(new DrainSchedule.Settings(100 * MS, 500 * MS, 2_000 * MS), 0);

    @Test
    void nothingAskedForRunsEveryTwoSeconds() {
        assertThat(schedule.due(1_999 * MS)).isFalse();
        assertThat(schedule.due(2_000 * MS)).isTrue();
        schedule.started(2_000 * MS);
        // 2,000 + 2,000 = 4,000.
        assertThat(schedule.dueAt()).isEqualTo(4_000 * MS);
    }

    @Test
    void aRequestRunsADelayLaterButNotSoonerThanTheMinimumIntervalAfterTheLastDrain() {
        schedule.started(1_000 * MS);
        schedule.requested(1_100 * MS);
        // max(1,100 + 100, 1,000 + 500) = 1,500: the interval, not the delay, decides.
        assertThat(schedule.dueAt()).isEqualTo(1_500 * MS);
        schedule.started(1_500 * MS);
        schedule.requested(2_300 * MS);
        schedule.requested(2_350 * MS);
        // max(2,300 + 100, 1,500 + 500) = 2,400: the first request counts, the second does not push it back.
        assertThat(schedule.dueAt()).isEqualTo(2_400 * MS);
    }

    @Test
    void aRequestDuringADrainAsksForTheNextOne() {
        schedule.requested(100 * MS);
        schedule.started(200 * MS);
        // Nothing asked since 200: the regular 200 + 2,000 = 2,200.
        assertThat(schedule.dueAt()).isEqualTo(2_200 * MS);
        schedule.requested(250 * MS);
        // max(250 + 100, 200 + 500) = 700.
        assertThat(schedule.dueAt()).isEqualTo(700 * MS);
    }
}
