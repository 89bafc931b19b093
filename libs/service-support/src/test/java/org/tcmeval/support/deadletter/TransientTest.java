package org.tcmeval.support.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

class TransientTest {

    static PgException pg(String sqlState) {
        return new PgException("message", "ERROR", sqlState, null);
    }

    /** A real refusal: connecting to a port nobody listens on (taken, then released). */
    static ConnectException refused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            throw new AssertionError("port " + port + " accepted a connection");
        } catch (ConnectException e) {
            return e;
        }
    }

    @Test
    void theDatabaseOrNetworkBeingAwayIsTransient() throws IOException {
        assertThat(Transient.is(refused())).isTrue();
        assertThat(Transient.is(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(Transient.is(new VertxException("Fail to read any response from the server, the underlying "
                + "connection might get lost unexpectedly.", true))).isTrue();
        assertThat(Transient.is(new java.util.concurrent.TimeoutException("Timeout"))).isTrue();
        assertThat(Transient.is(new io.smallrye.mutiny.TimeoutException())).isTrue();
    }

    @Test
    void postgresStatesOfTheServerNotOfTheStatementAreTransient() {
        for (String state : new String[] {"08000", "08001", "08006", "08P01", "40001", "40P01", "53000", "53100",
                "53200", "53300", "57P01", "57P02", "57P03"}) {
            assertThat(Transient.is(pg(state))).as(state).isTrue();
        }
        for (String state : new String[] {"23505", "23503", "22P02", "42P01", "42703", "57014", "40002", "XX000"}) {
            assertThat(Transient.is(pg(state))).as(state).isFalse();
        }
    }

    @Test
    void wrappedAsHibernateAndMutinyWrapThemStillCounts() throws IOException {
        assertThat(Transient.is(new CompletionException(new PersistenceException("could not execute", pg("57P03")))))
                .isTrue();
        assertThat(Transient.is(new PersistenceException(new CompletionException(refused())))).isTrue();
        assertThat(Transient.is(new CompletionException(new PersistenceException(pg("23505"))))).isFalse();
    }

    @Test
    void kafkaRetriableExceptionsAreTransientOthersAreNot() {
        assertThat(Transient.is(new NotLeaderOrFollowerException("moving"))).isTrue();
        assertThat(Transient.is(new RecordTooLargeException("too large"))).isFalse();
    }

    @Test
    void badInputAndBugsArePermanent() {
        assertThat(Transient.is(new UncheckedIOException(new JsonParseException(null, "Unexpected character")))).isFalse();
        assertThat(Transient.is(new IllegalArgumentException("Invalid UUID string: x"))).isFalse();
        assertThat(Transient.is(new NullPointerException())).isFalse();
        assertThat(Transient.is(new VertxException("Pool closed", true))).isFalse();
        assertThat(Transient.is(null)).isFalse();
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Transient.is(a)).isFalse();
    }

    /**
     * Vert.x fails work that waits for a connection of a closed pool with Future.failedFuture("Pool
     * closed"), a bare NoStackTraceThrowable: that is the service stopping, not the record failing, and
     * it is neither transient (retried) nor permanent (dead-lettered).
     */
    @Test
    void aClosedPoolIsTheServiceStoppingAndNothingElseIs() {
        Throwable closed = io.vertx.core.Future.failedFuture("Pool closed").cause();
        assertThat(Transient.stopping(closed)).isTrue();
        assertThat(Transient.stopping(new CompletionException(new PersistenceException("could not open", closed))))
                .isTrue();
        assertThat(Transient.is(closed)).as("not retried: it would hold up the shutdown").isFalse();
        assertThat(Transient.stopping(new CompletionException(new PersistenceException(pg("23505"))))).isFalse();
        assertThat(Transient.stopping(ClosedConnectionException.INSTANCE)).isFalse();
    }
}
