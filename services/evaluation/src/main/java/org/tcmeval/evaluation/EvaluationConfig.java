package org.tcmeval.evaluation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** How evaluation counts and judges ({@code tcm.evaluation.*}). */
@ConfigMapping(prefix = "tcm.evaluation")
public interface EvaluationConfig {

    /** Which version of a report counts: APPROVED (default) or LATEST_SUBMITTED. */
    @WithDefault("APPROVED")
    Counting.Rule counting();

    /**
     * Below this share of expected units decided, a value is shown but not judged (INCOMPLETE).
     * 50: a value over fewer than half of the units that should have reported is not the division's.
     */
    @WithDefault("50")
    BigDecimal minimumCompletenessPercent();

    /** Applying a poll of reports (org.tcmeval.evaluation.service.EvaluationService). */
    Poll poll();

    interface Poll {
        /**
         * Concurrent transactions a large poll is split into, by county (PollShards): while one waits
         * on the database the other computes. 1 (default) applies every poll in one transaction; on
         * two cores a burst keeps both busy already and a second shard measured no gain.
         */
        @WithDefault("1")
        int shards();

        /** A poll is split only into shards of at least this many reports: a steady stream's small polls stay whole. */
        @WithDefault("100")
        int minReportsPerShard();
    }

    /** Re-judging after a target-profile change (org.tcmeval.evaluation.service.RejudgeJobs). */
    Rejudge rejudge();

    /** Folding city and province deltas into their sums (org.tcmeval.evaluation.service.RollupDrain). */
    Rollup rollup();

    interface Rollup {
        /** After a poll that wrote deltas: the polls of a burst that follow within it share the drain. */
        @WithDefault("100ms")
        Duration delay();

        /** Between two drains asked for by polls: a burst's ~20 polls share a few drains instead of each paying one. */
        @WithDefault("500ms")
        Duration minInterval();

        /** A drain regardless: deltas another instance or a crash left, or written off the reports' path. */
        @WithDefault("2s")
        Duration maxInterval();
    }

    interface Rejudge {
        /** Reports re-applied, or results re-judged, per transaction: small enough not to hold many row locks long. */
        @WithDefault("500")
        int batchSize();

        /** How often open jobs are looked for (after a crash, or recorded by another instance). */
        @WithDefault("1s")
        Duration pollInterval();
    }
}
