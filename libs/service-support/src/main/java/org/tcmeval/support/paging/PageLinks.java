package org.tcmeval.support.paging;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Adds {@code Link: <next page>; rel="next"} to every answer that is a {@link CursorPage} with a next
 * page: the request's own URI with {@code cursor} replaced, so filters and {@code limit} carry over.
 * Operations answering a page in another form (CSV) call {@link #next} themselves.
 */
public class PageLinks {

    public static final String PARAMETER = "cursor";

    /** The header value for the page after this request's, or null on the last page. */
    public static String next(UriInfo uri, String nextCursor) {
        if (nextCursor == null) {
            return null;
        }
        return "<" + uri.getRequestUriBuilder().replaceQueryParam(PARAMETER, nextCursor).build() + ">; rel=\"next\"";
    }

    @ServerResponseFilter
    public void link(ContainerResponseContext response, UriInfo uri) {
        if (response.getStatus() == 200 && response.getEntity() instanceof CursorPage page
                && !response.getHeaders().containsKey(HttpHeaders.LINK)) {
            String link = next(uri, page.nextCursor());
            if (link != null) {
                response.getHeaders().add(HttpHeaders.LINK, link);
            }
        }
    }
}
