package org.tcmeval.support.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Topics a service owns that must be compacted ({@code tcm.kafka.compacted-topics.names=a,b}). */
@ConfigMapping(prefix = "tcm.kafka.compacted-topics")
public interface CompactedTopicsConfig {

    /** The topics; none by default (a service that only consumes owns none). */
    Optional<List<String>> names();

    /** Partitions of a topic when this service creates it. */
    @WithDefault("3")
    int partitions();

    /** How long one attempt to create or check the topics may take. */
    @WithDefault("10s")
    Duration timeout();

    /** Pause between attempts while the broker is unreachable; short, since readiness waits for it. */
    @WithDefault("5s")
    Duration retryInterval();
}
