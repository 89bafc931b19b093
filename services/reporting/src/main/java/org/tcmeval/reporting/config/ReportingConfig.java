package org.tcmeval.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

@ConfigMapping(prefix = "tcm.reporting")
public interface ReportingConfig {

    /** The reporters' time zone: a window that closes on 31 March closes at midnight there. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * A fixed "now" for tests and rehearsals; unset in production. Windows and "period has not
     * started" are judged against it, so no test depends on today's date.
     */
    Optional<Instant> fixedClock();
}
