package org.tcmeval.support.memory;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When a quiet service gives its heap back ({@link IdleHeapTrim}). */
@ConfigMapping(prefix = "tcm.idle-heap-trim")
public interface IdleHeapTrimConfig {

    /** Set false to keep the heap a burst grew (a full collection then happens only when the heap is full). */
    @WithDefault("true")
    boolean enabled();

    /** How often the process's CPU use is looked at; a check is a few MXBean reads. */
    @WithDefault("1s")
    Duration checkInterval();

    /** How long the process must have been quiet before it gives heap back. */
    @WithDefault("5s")
    Duration idleAfter();

    /**
     * CPU use, in cores, at or below which the process counts as quiet. An idle service (Kafka
     * consumers polling, the outbox relay's 100 ms timer) stays under it: in both benches the trim
     * ran 5-6 s after the burst. A burst uses far more (evaluation's: 0.65 cores on a quiet box, 0.25
     * on one with 16 runnable processes per its 2 cores).
     */
    @WithDefault("0.05")
    double maxIdleCpu();

    /** How far the committed heap must have grown since the last trim (or the start) to be worth a full collection. */
    @WithDefault("32M")
    MemorySize minGrowth();

    /**
     * After a trim asked for by {@code IdleHeapTrimmer.requestTrim()}, further requests within this
     * time are ignored: a caller that signals every batch of a steady stream would otherwise buy a full
     * collection each time the heap regrows by {@code min-growth}.
     */
    @WithDefault("30s")
    Duration requestCooldown();

    /** Also hand memory that native code freed back to the system (glibc's malloc_trim) after the collection. */
    @WithDefault("true")
    boolean trimNative();
}
