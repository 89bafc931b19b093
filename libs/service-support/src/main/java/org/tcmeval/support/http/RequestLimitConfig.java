package org.tcmeval.support.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The largest request line and header block a service reads, answered 414 and 431 problem+json by
 * {@link RequestLimits}. Vert.x's own limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) are set well above these, because Vert.x answers them itself with an empty
 * body before any of our code runs.
 */
@ConfigMapping(prefix = "tcm.http")
public interface RequestLimitConfig {

    /** Bytes of the request line: method, target (path and query) and version, as Vert.x used to allow. */
    @WithDefault("4096")
    int maxRequestLine();

    /** Bytes of all header fields ({@code name: value} and line end each), as Quarkus used to allow (20K). */
    @WithDefault("20480")
    int maxHeaderBytes();
}
