package org.tcmeval.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tcmeval.events.Json;
import org.tcmeval.support.deadletter.Transient;
import org.tcmeval.support.ratelimit.RateLimits;
import org.tcmeval.support.text.Inputs;

/**
 * The one place where exceptions become RFC 9457 answers. Every service gets these mappers by
 * depending on this library; no resource builds an error response by hand.
 */
public class ProblemMappers {

    @Inject
    UnavailableConfig unavailable;

    @Inject
    RateLimits rateLimits;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response r = respond(e.status(), e.problemType(), e.getMessage(), uri, e.errors());
        return e.retryAfterSeconds() == null ? r
                : Response.fromResponse(r).header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        ProblemException p = ProblemException.validation(errors);
        return respond(400, p.problemType(), p.getMessage(), uri, errors);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? path(m)
                : e instanceof StreamReadException r && r.getProcessor() != null ? path(r.getProcessor().getParsingContext())
                : "$";
        JsonFault fault = JsonFault.of(e, field);
        return respond(400, ProblemType.MALFORMED_BODY, fault.message(), uri,
                List.of(new Problem.FieldError(field, fault.rule(), fault.message())));
    }

    /** Quarkus ships its own mapper for this subtype; ours must be at least as specific to win. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /**
     * Quarkus ships its own mapper for this subtype too, answering an empty 500. Jackson raises it
     * when a body cannot be bound to the endpoint's type at all; the client gets a 400 problem
     * rather than nothing, and the warning keeps a definition fault of ours visible in the log.
     * (Duplicate keys, once the case that reached it, are refused by the parser first.)
     */
    @ServerExceptionMapper
    public Response invalidDefinition(InvalidDefinitionException e, UriInfo uri) {
        Log.warnf(e, "request body could not be bound on %s", uri.getPath());
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpServerRequest request) {
        rateLimits.authenticationFailed(request);
        return challenge(respond(401, ProblemType.UNAUTHORIZED,
                "send a valid bearer token in the Authorization header", uri, List.of()));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpServerRequest request) {
        rateLimits.authenticationFailed(request);
        return challenge(respond(401, ProblemType.UNAUTHORIZED,
                "the bearer token is missing, invalid or expired (an access token is required, not an ID token)",
                uri, List.of()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "your roles do not allow this operation" : e.getMessage();
        return respond(403, ProblemType.FORBIDDEN, detail, uri, List.of());
    }

    /**
     * JAX-RS answers 404 when a query parameter does not convert ({@code year=abc}); the client named
     * an existing resource with a bad parameter, so that is a 400 naming it. A real 404 stays one.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, ResourceInfo resource) {
        Problem.FieldError bad = e.getCause() == null || resource == null || resource.getResourceMethod() == null
                ? null : QueryParams.unconvertible(resource.getResourceMethod(), uri.getQueryParameters());
        if (bad != null) {
            return respond(400, ProblemType.VALIDATION, bad.message(), uri, List.of(bad));
        }
        return webApplication(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json && e.getResponse().getStatus() == 400) {
            // Quarkus's JSON reader wraps parser errors (syntax, duplicate keys) as a bare 400.
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.HTTP_ERROR;
        };
        return respond(status, type, status >= 500 ? "unexpected error" : e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Transient.is(e)) {
            return unavailable(e, uri);
        }
        Log.errorf(e, "unexpected error on %s", uri.getPath());
        return respond(500, ProblemType.INTERNAL,
                "an unexpected error occurred; it has been logged", uri, List.of());
    }

    /**
     * An outage (database refusing connections, restarting, out of connections; a deadlock victim) is
     * not the request's fault and not a bug: 503 with Retry-After tells the client the same request
     * will succeed later, where a 500 would say it never will. {@link Transient} decides, as it does
     * for the Kafka consumers.
     */
    Response unavailable(Throwable e, UriInfo uri) {
        Log.warnf("%s answered 503: %s", uri == null ? "request" : uri.getPath(), e);
        long seconds = Math.max(1, unavailable == null ? 5 : unavailable.retryAfter().toSeconds());
        return Response.fromResponse(respond(503, ProblemType.SERVICE_UNAVAILABLE,
                        "a service this one depends on is unavailable for the moment; try again in " + seconds
                                + " seconds", uri, List.of()))
                .header("Retry-After", String.valueOf(seconds)).build();
    }

    /** RFC 6750: a 401 names the scheme the client must use. */
    private static Response challenge(Response r) {
        return Response.fromResponse(r).header("WWW-Authenticate", "Bearer realm=\"tcm\"").build();
    }

    /**
     * Every text is bounded here, whoever composed it: a message that quotes the input must not
     * grow with the input (a rule's message may quote a 2 MB value; the answer stays small).
     */
    static Response respond(int status, ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        List<Problem.FieldError> bounded = errors.stream().map(f -> new Problem.FieldError(
                Inputs.abbreviate(f.field(), Inputs.MAX_QUOTED * 2), f.rule(),
                Inputs.abbreviate(f.message(), Inputs.MAX_MESSAGE))).toList();
        String title = type != ProblemType.HTTP_ERROR || Response.Status.fromStatusCode(status) == null ? type.title()
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        Problem body = new Problem(type.uri(), title, status,
                Inputs.abbreviate(detail, Inputs.MAX_MESSAGE),
                uri == null ? null : Inputs.abbreviate(uri.getPath(), Inputs.MAX_MESSAGE), bounded);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** A problem body for answers written below JAX-RS, by Vert.x route handlers (413 by length, 429 by address). */
    public static String json(ProblemType type, int status, String detail, String path) {
        return Json.write(new Problem(type.uri(), type.title(), status, Inputs.abbreviate(detail, Inputs.MAX_MESSAGE),
                path == null ? null : Inputs.abbreviate(path, Inputs.MAX_MESSAGE), List.of()));
    }

    private static Problem.FieldError fieldError(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // Method-parameter paths look like "create.request.name": the first two nodes are the
        // Java method and parameter, which mean nothing to a client.
        String[] parts = path.split("\\.", 3);
        String field = parts.length == 3 ? parts[2] : parts[parts.length - 1];
        return new Problem.FieldError(field, Rules.of(v.getConstraintDescriptor().getAnnotation().annotationType()),
                v.getMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "$" : sb.toString();
    }

    /** Where the parser was: {@code figures.physicians}, {@code targets[2].threshold}. */
    private static String path(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push((c.getParent() == null || c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "$" : path.startsWith(".") ? path.substring(1) : path;
    }
}
