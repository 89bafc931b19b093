package org.tcmeval.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tcm.registry")
public interface RegistryConfig {

    /** Time zone whose calendar decides whether a closing date has passed (institutions are in China). */
    @WithDefault("Asia/Shanghai")
    String zone();

    Imports imports();

    Topic topic();

    interface Imports {
        /** Largest CSV upload accepted; larger ones get 413. 20 MiB holds a province several times over. */
        @WithDefault("20971520")
        long maxBytes();

        /** Rows per INSERT statement of a bulk import. */
        @WithDefault("2000")
        int batchRows();

        /** At most this many row errors are listed in a report or problem; the count covers all of them. */
        @WithDefault("1000")
        int maxReportedErrors();
    }

    interface Topic {
        /** Partitions of {@code institution-changed} when this service creates it. */
        @WithDefault("3")
        int partitions();

        /** How long one attempt to create or check the topic may take. */
        @WithDefault("10s")
        Duration timeout();

        /** Pause between attempts while the broker is unreachable. */
        @WithDefault("30s")
        Duration retryInterval();
    }
}
