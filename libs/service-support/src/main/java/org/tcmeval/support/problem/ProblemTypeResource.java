package org.tcmeval.support.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pages a problem's {@code type} resolves to (RFC 9457 §3.1.1: a type URI should lead a person to
 * its documentation). Served by every service, without a token, as HTML for a browser and as JSON
 * for a script; documentation rather than API, so kept out of the OpenAPI documents.
 */
@Path("/problems")
@PermitAll
public class ProblemTypeResource {

    /** One problem type as JSON. */
    public record TypeView(String type, int status, String title, String meaning, String remedy) {
        static TypeView of(ProblemType t) {
            return new TypeView(t.uri().toString(), t.status(), t.title(), t.meaning(), t.remedy());
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String indexPage() {
        StringBuilder body = new StringBuilder("<h1>Problem types</h1><p>Every error answer of this service is an "
                + "RFC 9457 <code>application/problem+json</code> document whose <code>type</code> is one of these."
                + "</p><table><tr><th>type</th><th>status</th><th>title</th></tr>");
        for (ProblemType t : ProblemType.values()) {
            body.append("<tr><td><a href=\"").append(t.uri()).append("\"><code>").append(t.slug())
                    .append("</code></a></td><td>").append(t == ProblemType.HTTP_ERROR ? "4xx" : t.status())
                    .append("</td><td>").append(html(t.title())).append("</td></tr>");
        }
        return page("Problem types", body.append("</table>").toString());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public List<TypeView> index() {
        return Arrays.stream(ProblemType.values()).map(TypeView::of).toList();
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String typePage(@PathParam("slug") String slug) {
        ProblemType t = find(slug);
        return page(t.title(), "<h1><code>" + t.slug() + "</code>: " + html(t.title()) + "</h1><p>HTTP status "
                + (t == ProblemType.HTTP_ERROR ? "4xx (the answer's <code>status</code>)" : t.status()) + "</p>"
                + "<h2>What it means</h2><p>" + markup(t.meaning()) + "</p><h2>What to do</h2><p>" + markup(t.remedy())
                + "</p><p><a href=\"" + ProblemType.PATH + "\">All problem types</a></p>");
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public TypeView type(@PathParam("slug") String slug) {
        return TypeView.of(find(slug));
    }

    private static ProblemType find(String slug) {
        return ProblemType.ofSlug(slug).orElseThrow(() -> ProblemException.notFound("problem type"));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title)
                + "</title></head><body>" + body + "</body></html>";
    }

    /** Escapes, then renders the `code` spans the descriptions use. */
    private static String markup(String text) {
        return html(text).replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
