package org.tcmeval.support.paging;

/**
 * A page of a cursor-paged list. Every such list takes the same two query parameters, {@code cursor}
 * (the previous page's {@code nextCursor}) and {@code limit}, and answers the next page's address
 * twice: as {@code nextCursor} in the body and as an RFC 8288 {@code Link: <...>; rel="next"} header
 * (added by {@link PageLinks}), so a script can follow pages without reading the body format.
 */
public interface CursorPage {

    /** Opaque; null on the last page. */
    String nextCursor();
}
