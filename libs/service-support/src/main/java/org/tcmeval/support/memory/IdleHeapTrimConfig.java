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
     * consumers polling, the outbox relay's timer, health checks) uses about 0.01-0.02; a burst uses
     * 0.5 and more.
     */
    @WithDefault("0.05")
    double maxIdleCpu();

    /** How far the committed heap must have grown since the last trim (or the start) to be worth a full collection. */
    @WithDefault("32M")
    MemorySize minGrowth();

    /** Also hand memory that native code freed back to the system (glibc's malloc_trim) after the collection. */
    @WithDefault("true")
    boolean trimNative();
}
