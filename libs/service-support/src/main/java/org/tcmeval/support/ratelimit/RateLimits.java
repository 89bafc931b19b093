package org.tcmeval.support.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.ProblemMappers;
import org.tcmeval.support.problem.ProblemType;

/**
 * The two limits of every service: bulk operations per caller ({@link RateLimited}), and requests
 * from a client address that keeps sending missing or invalid tokens (someone guessing tokens, or a
 * script stuck in a loop with an expired one), which are refused before authentication is even tried.
 * Both answer 429 {@code too-many-requests} with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    RateLimitConfig config;

    @Inject
    CurrentIdentityAssociation identity;

    private final RateLimiter limiter = new RateLimiter();

    /** Spends a bulk token of the caller before a {@link RateLimited} operation runs. */
    @ServerRequestFilter
    public Uni<Response> bulk(ResourceInfo resource, HttpServerRequest request) {
        if (resource == null || resource.getResourceMethod() == null
                || !resource.getResourceMethod().isAnnotationPresent(RateLimited.class)) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity().map(id -> {
            String caller = id.isAnonymous() ? "address:" + address(request) : "subject:" + id.getPrincipal().getName();
            long wait = limiter.acquire("bulk " + caller, config.bulkPerMinute());
            if (wait > 0) {
                throw ProblemException.tooManyRequests("at most " + config.bulkPerMinute() + " bulk requests a minute per "
                        + "caller; try again in " + wait + " seconds", wait);
            }
            return null;
        });
    }

    /** Counts a request answered 401 against its client address. */
    public void authenticationFailed(HttpServerRequest request) {
        if (request != null) {
            limiter.acquire("auth " + address(request), config.authFailuresPerMinute());
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            long wait = limiter.exhausted("auth " + address(ctx.request()), config.authFailuresPerMinute());
            if (wait == 0) {
                ctx.next();
                return;
            }
            ctx.response().setStatusCode(429).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", String.valueOf(wait))
                    .end(ProblemMappers.json(ProblemType.TOO_MANY_REQUESTS, 429, "too many requests from this address "
                            + "had no valid token; try again in " + wait + " seconds", ctx.request().path()));
        });
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
