package org.tcmeval.registry.rest;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tcmeval.registry.config.RegistryConfig;
import org.tcmeval.support.problem.ProblemException;

/**
 * Refuses an oversized CSV upload by its Content-Length, before its bytes are buffered; a body
 * sent without a length is measured once read ({@link #check}). The HTTP layer's own limit sits
 * above this one, so that clients get this problem rather than a bare 413.
 */
public class UploadLimit {

    // Filters are built while Quarkus starts, before runtime configuration exists: look it up per request.
    @Inject
    Provider<RegistryConfig> config;

    @ServerRequestFilter(preMatching = true)
    public void byContentLength(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || !request.getUriInfo().getPath().endsWith("/import")) {
            return;
        }
        String length = request.getHeaderString("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > config.get().imports().maxBytes()) {
            throw tooLarge(config.get().imports().maxBytes());
        }
    }

    static void check(byte[] body, long max) {
        if (body.length > max) {
            throw tooLarge(max);
        }
    }

    static ProblemException tooLarge(long max) {
        return ProblemException.payloadTooLarge("the file is larger than "
                + max / (1024 * 1024) + " MB (" + max + " bytes); split it by city or county");
    }
}
