package org.tcmeval.support.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemMappers;
import org.tcmeval.support.problem.ProblemType;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} is answered 413 as problem+json.
 * Quarkus refuses it before any JAX-RS mapper can run, with an empty body; this route runs first
 * and answers the same status in the shape every other error has.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;


    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) <= limit) {
                ctx.next();
                return;
            }
            ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(ProblemMappers.json(ProblemType.PAYLOAD_TOO_LARGE, 413,
                            "the body has " + length + " bytes; this service accepts at most " + limit,
                            ctx.request().path()));
        });
    }
}
