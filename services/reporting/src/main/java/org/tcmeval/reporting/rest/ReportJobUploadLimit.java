package org.tcmeval.reporting.rest;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tcmeval.reporting.bulk.ReportJobConfig;
import org.tcmeval.reporting.bulk.ReportJobs;

/**
 * Refuses an oversized bulk upload by its Content-Length before its bytes are buffered (413
 * problem+json); a body without a length is measured once read. The HTTP layer's own limit
 * ({@code quarkus.http.limits.max-body-size}) sits above this one.
 */
public class ReportJobUploadLimit {

    // Filters are built before runtime configuration exists: look it up per request.
    @Inject
    Provider<ReportJobConfig> config;

    @ServerRequestFilter(preMatching = true)
    public void byContentLength(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || !request.getUriInfo().getPath().endsWith("/report-jobs")) {
            return;
        }
        String length = request.getHeaderString("Content-Length");
        if (length != null && length.matches("\\d{1,18}")) {
            ReportJobs.checkSize(Long.parseLong(length), config.get().maxBytes());
        }
    }
}
