package org.tcmeval.support.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tcmeval.support.problem.Problem;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.Rules;
import org.tcmeval.support.text.Inputs;
import org.tcmeval.support.problem.ProblemType;

/**
 * Checks every service makes of a request before any resource sees it, answered as problems by the
 * one mapper. A value PostgreSQL cannot store (NUL) or that has no UTF-8 form (a lone surrogate)
 * is refused where it enters, naming the parameter, rather than failing in the database as a 500.
 */
public class RequestChecks {

    /**
     * RFC 9110 lets a client send {@code Accept:} with no value; read as "no preference", the same as
     * no header, instead of a media range nobody can parse.
     */
    @ServerRequestFilter(preMatching = true)
    public void blankAccept(ContainerRequestContext request) {
        List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept != null && accept.stream().allMatch(v -> v == null || v.isBlank())) {
            request.getHeaders().remove(HttpHeaders.ACCEPT);
        }
    }

    /**
     * JSON is UTF-8 (RFC 8259 §8.1); a body declared as another charset would be read as UTF-8 all
     * the same, silently garbling it. (CSV uploads are decoded strictly by their bytes instead.)
     */
    @ServerRequestFilter(preMatching = true)
    public void jsonCharset(ContainerRequestContext request) {
        MediaType type = mediaType(request);
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.strip().replace("\"", "").equalsIgnoreCase("UTF-8")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "JSON bodies must be UTF-8", List.of(new Problem.FieldError("Content-Type", Rules.UTF_8,
                            "charset " + Inputs.quote(charset) + " is not accepted; send the body as UTF-8 "
                                    + "(charset=UTF-8 or no charset)")));
        }
    }

    /**
     * The request's Content-Type, or a 415 problem naming the header when it does not parse as a
     * media type ({@code Content-Type: garbage}): RESTEasy's parser throws IllegalArgumentException,
     * which would otherwise reach the catch-all mapper as a 500. Found by OpenApiFuzzer.
     */
    private static MediaType mediaType(ContainerRequestContext request) {
        try {
            return request.getMediaType();
        } catch (IllegalArgumentException e) {
            String value = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type is not a media type", List.of(new Problem.FieldError("Content-Type", "media-type",
                            Inputs.quote(value == null ? "" : value) + " is not a media type (type/subtype)")));
        }
    }

    /** After matching, so that path parameters have their names. */
    @ServerRequestFilter
    public void parameterText(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            String rule = Inputs.textRule(p.getKey());
            for (int i = 0; rule == null && i < p.getValue().size(); i++) {
                rule = Inputs.textRule(p.getValue().get(i));
            }
            if (rule != null) {
                String name = Inputs.quote(p.getKey());
                throw ProblemException.invalid(name, rule, Inputs.textMessage(name, rule));
            }
        }
    }
}
