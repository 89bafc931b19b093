package org.tcmeval.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tcm.registry")
public interface RegistryConfig {

    /** Time zone whose calendar decides whether a closing date has passed (institutions are in China). */
    @WithDefault("Asia/Shanghai")
    String zone();

    Imports imports();

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

}
