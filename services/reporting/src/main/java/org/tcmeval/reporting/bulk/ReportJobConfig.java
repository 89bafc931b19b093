package org.tcmeval.reporting.bulk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tcm.report-jobs")
public interface ReportJobConfig {

    /** The largest upload accepted; larger ones are answered 413. */
    @WithDefault("20971520")
    long maxBytes();

    /** Rows checked and written per statement round (and per transaction of a good-rows job). */
    @WithDefault("2000")
    int chunkRows();

    /** Whether this instance runs jobs (off on an instance that should only accept them). */
    @WithDefault("true")
    boolean run();

    /**
     * How long a job stays with the instance that claimed it without a renewal (renewed every third
     * of it while the job runs): after an instance dies, its job waits at most this long for another.
     */
    @WithDefault("30s")
    Duration lease();
}
