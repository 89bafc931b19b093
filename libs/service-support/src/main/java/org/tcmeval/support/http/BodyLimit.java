package org.tcmeval.support.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemMappers;
import org.tcmeval.support.problem.ProblemType;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} is answered 413 as problem+json.
 * Quarkus refuses it before any JAX-RS mapper can run, with an empty body; this route runs first
 * and answers the same status in the shape every other error has.
 *
 * <p>With a {@code Content-Length} the length decides before a byte is read. A chunked body has none:
 * it is counted as it arrives and refused the moment it passes the limit, so at most the limit is
 * ever held (Quarkus would read the whole stream into the resource's {@code byte[]} up to its own
 * limit first, and answer with an empty body); an upload operation with a lower limit of its own
 * ({@link OperationBodyLimit}) is refused at that one. A chunked body within the limit is handed on whole,
 * as Vert.x's BodyHandler hands it, and the resources read it from there.
 */
@ApplicationScoped
public class BodyLimit {

    /** Where a chunked body read by {@link #stream} waits for {@link ChunkedBody}. */
    static final String BODY = "tcm.chunked-body";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @Inject
    Instance<OperationBodyLimit> operations;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length == null && chunked(ctx.request())) {
                long operationLimit = limit;
                for (OperationBodyLimit o : operations) {
                    operationLimit = Math.min(operationLimit, o.maxBytes(ctx.request()).orElse(limit));
                }
                stream(ctx, operationLimit);
                return;
            }
            if (length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) <= limit) {
                ctx.next();
                return;
            }
            refuse(ctx, "the body has " + length + " bytes; this service accepts at most " + limit);
        });
    }

    private static boolean chunked(HttpServerRequest request) {
        String te = request.getHeader("Transfer-Encoding");
        return te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    /** Reads a chunked body up to {@code limit} bytes; one byte more and the request is answered 413 and closed. */
    static void stream(RoutingContext ctx, long limit) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused[0] = true;
                refuse(ctx, "the chunked body passed " + limit + " bytes, the most this operation accepts; it was "
                        + "refused while arriving");
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!refused[0]) {
                // Blocking readers take it from the context (as after Vert.x's BodyHandler), non-blocking ones
                // from the entity stream ChunkedBody sets: the request has ended, and Quarkus REST would
                // otherwise read nothing.
                ((RoutingContextInternal) ctx).setBody(body);
                ctx.put(BODY, body);
                ctx.next();
            }
        });
        request.exceptionHandler(e -> {
            if (!refused[0] && !ctx.response().ended()) {
                refused[0] = true;
                ctx.fail(e);
            }
        });
        // Vert.x Web pauses the request while routing; the handlers above take it from here.
        request.resume();
    }

    private static void refuse(RoutingContext ctx, String detail) {
        // Connection: close - the rest of the body is not read; the connection cannot carry another request.
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(ProblemMappers.json(ProblemType.PAYLOAD_TOO_LARGE, 413,
                        detail, ctx.request().path()))
                .onComplete(done -> ctx.request().connection().close());
    }

    /** Hands a chunked body {@link BodyLimit} has read to the resource as its entity stream. */
    public static class ChunkedBody {

        @ServerRequestFilter(preMatching = true)
        public void entity(ContainerRequestContext request, RoutingContext ctx) {
            Buffer body = ctx.get(BODY);
            if (body != null) {
                request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
            }
        }
    }
}
