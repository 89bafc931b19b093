package org.tcmeval.support.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemMappers;
import org.tcmeval.support.problem.ProblemType;

/**
 * A request line over {@link RequestLimitConfig#maxRequestLine()} is answered 414, header fields over
 * {@link RequestLimitConfig#maxHeaderBytes()} 431, both as problem+json. Vert.x would refuse them
 * while parsing, with an empty body and no way for us to shape the answer; its limits are raised
 * (libs/service-support's microprofile-config.properties) so that these checks, which run first of
 * all routes, see the request. Beyond Vert.x's raised limits (64 KB) its own bare answer remains.
 */
@ApplicationScoped
public class RequestLimits {

    @Inject
    RequestLimitConfig config;

    void install(@Observes Router router) {
        int maxLine = config.maxRequestLine();
        int maxHeaders = config.maxHeaderBytes();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            long line = requestLine(request);
            if (line > maxLine) {
                refuse(ctx.response(), ProblemType.URI_TOO_LONG, "the request line has " + line
                        + " bytes; this service reads at most " + maxLine, request.path());
                return;
            }
            long headers = headerBytes(request);
            if (headers > maxHeaders) {
                refuse(ctx.response(), ProblemType.HEADERS_TOO_LARGE, "the header fields have " + headers
                        + " bytes; this service reads at most " + maxHeaders, request.path());
                return;
            }
            ctx.next();
        });
    }

    /** {@code GET /path?query HTTP/1.1}: what Netty measures against its initial-line limit. */
    static long requestLine(HttpServerRequest request) {
        return request.method().name().length() + 1L + request.uri().length() + 1L + "HTTP/1.1".length();
    }

    /** Each field as sent: {@code name: value} and CRLF (header values arrive as ISO-8859-1, a byte per char). */
    static long headerBytes(HttpServerRequest request) {
        long total = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            total += h.getKey().length() + 2L + h.getValue().length() + 2L;
        }
        return total;
    }

    private static void refuse(io.vertx.core.http.HttpServerResponse response, ProblemType type, String detail,
            String path) {
        // The path itself may be what is too long; the problem quotes it abbreviated (ProblemMappers.json).
        response.setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(ProblemMappers.json(type, type.status(), detail, path));
    }
}
