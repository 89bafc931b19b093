package org.tcmeval.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tcm.catalog")
public interface CatalogConfig {

    Seed seed();

    Techniques techniques();

    interface Techniques {
        /** Largest technique-list CSV a province may upload; a list of a few hundred items is ~30 KB. */
        @WithDefault("1048576")
        long maxUploadBytes();
    }

    interface Seed {
        /** Store the canonical profiles of libs/targets at startup when they are missing. */
        @WithDefault("true")
        boolean enabled();

        /**
         * First year the seeded profiles are in force: all five source documents are plans of the
         * 14th five-year period (“十四五”, 2021-2025), whatever year each was issued.
         */
        @WithDefault("2021")
        int effectiveFrom();

        /** How long startup waits for the seed transaction. */
        @WithDefault("60s")
        Duration timeout();
    }

}
