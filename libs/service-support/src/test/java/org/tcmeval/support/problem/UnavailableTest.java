package org.tcmeval.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** An outage is answered 503 with Retry-After, not 500: the same request will succeed later. */
class UnavailableTest {

    /** Only the path is read from it. */
    static final UriInfo URI = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(),
            new Class<?>[] {UriInfo.class}, (proxy, method, args) -> method.getName().equals("getPath")
                    ? "/api/v1/reports" : null);

    final ProblemMappers mappers = new ProblemMappers();

    UnavailableTest() {
        mappers.unavailable = () -> Duration.ofSeconds(7);
    }

    @Test
    void connectionRefusedIs503WithRetryAfter() {
        Response r = mappers.unexpected(new CompletionException(new ConnectException("Connection refused: "
                + "localhost/127.0.0.1:5432")), URI);
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("7");
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        Problem p = (Problem) r.getEntity();
        assertThat(p.type().toString()).isEqualTo("/problems/service-unavailable");
        assertThat(p.status()).isEqualTo(503);
        assertThat(p.instance()).isEqualTo("/api/v1/reports");
        assertThat(p.detail()).contains("7 seconds").doesNotContain("5432");
    }

    @Test
    void aDatabaseShuttingDownIs503() {
        Response r = mappers.unexpected(new PersistenceException(new PgException(
                "terminating connection due to administrator command", "FATAL", "57P01", null)), URI);
        assertThat(r.getStatus()).isEqualTo(503);
    }

    @Test
    void aBugIsStill500() {
        Response r = mappers.unexpected(new PersistenceException(new PgException("duplicate key", "ERROR", "23505",
                null)), URI);
        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(r.getHeaderString("Retry-After")).isNull();
    }
}
