package org.tcmeval.support.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers every answer of every service carries: {@code X-Content-Type-Options: nosniff}, so a
 * browser never runs a CSV export or an error body as something else; and, on an answer to a request
 * with credentials, {@code Cache-Control: no-store}, so a shared cache or proxy never keeps one
 * jurisdiction's figures to hand them to the next caller. An operation that sets its own
 * {@code Cache-Control} keeps it.
 */
public class SecurityHeaders {

    @ServerResponseFilter
    public void add(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
