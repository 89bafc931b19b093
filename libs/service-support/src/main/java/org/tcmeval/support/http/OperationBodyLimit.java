package org.tcmeval.support.http;

import io.vertx.core.http.HttpServerRequest;
import java.util.OptionalLong;

/**
 * An upload operation's own body limit, below the service's ({@code quarkus.http.limits.max-body-size}).
 * A service that has one provides a bean; {@link BodyLimit} then refuses a chunked upload to it the
 * moment it passes that limit, instead of reading it up to the service's limit and measuring it after.
 * (With a Content-Length the operation's own filter refuses it before a byte is read.)
 */
public interface OperationBodyLimit {

    /** The most bytes the request's body may have, or empty when it is not this operation. */
    OptionalLong maxBytes(HttpServerRequest request);
}
