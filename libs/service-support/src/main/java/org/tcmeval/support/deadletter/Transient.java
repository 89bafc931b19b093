package org.tcmeval.support.deadletter;

import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The one definition of a failure that goes away by itself: the database or broker is down, restarting,
 * overloaded, or chose this transaction as a deadlock victim. Trying the same work again later can
 * succeed, so a consumer retries it (and never dead-letters it) and an HTTP caller is told 503 rather
 * than 500. Anything else is permanent: trying again gives the same answer.
 *
 * <p>The whole cause chain is examined because Hibernate Reactive, Mutiny and Vert.x wrap the
 * driver's exception (a {@code CompletionException} around a {@code PersistenceException} around the
 * {@code PgException}).
 */
public final class Transient {

    /** Vert.x reports a lost connection with a plain exception whose only trace is this message. */
    private static final String[] LOST_CONNECTION = {"fail to read any response", "failed to read any response",
            "connection refused", "connection reset", "connection was closed", "connection is not active",
            "connection closed"};

    private static final String VERTX_TIMEOUT = "io.vertx.core.impl.NoStackTraceTimeoutException";

    private Transient() {
    }

    public static boolean is(Throwable failure) {
        // Identity set: a self-referencing or cyclic cause chain must not loop forever.
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (itself(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean itself(Throwable t) {
        if (t instanceof DatabaseException d) {
            return transientState(d.getSqlState());
        }
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException s) {
            return transientState(s.getSQLState());
        }
        if (t instanceof RetriableException) {
            return true;
        }
        // ConnectException (refused) and "connection reset" are SocketExceptions; ClosedChannelException is
        // what Netty gives when the server went away mid-conversation.
        if (t instanceof SocketException || t instanceof ClosedChannelException || t instanceof SocketTimeoutException
                || t instanceof UnknownHostException || t instanceof ClosedConnectionException) {
            return true;
        }
        // Pool acquisition and connect timeouts (Vert.x's internal NoStackTraceTimeoutException, Mutiny's
        // and java.util.concurrent's TimeoutException). A statement timeout (57014) is not among them: a
        // query too slow for its limit stays too slow, and retrying it forever would stall the consumer.
        if (t instanceof TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException
                || t.getClass().getName().equals(VERTX_TIMEOUT)) {
            return true;
        }
        if (t instanceof VertxException && t.getMessage() != null) {
            String message = t.getMessage().toLowerCase(Locale.ROOT);
            for (String m : LOST_CONNECTION) {
                if (message.contains(m)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The failure of work cut off because this service is stopping: Vert.x fails what still waits for a
     * connection with a bare "Pool closed" once the pool is closed. Neither transient (retrying it
     * would hold up the shutdown) nor permanent (the record itself is fine): it must not become a
     * dead letter.
     */
    public static boolean stopping(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if ("Pool closed".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL SQLSTATEs (Appendix A) that describe the server's condition rather than the statement:
     * class 08 connection exception, 40001 serialization failure, 40P01 deadlock detected, class 53
     * insufficient resources (disk full, out of memory, too many connections), 57P01 admin shutdown,
     * 57P02 crash shutdown, 57P03 cannot connect now (starting up or in recovery).
     */
    static boolean transientState(String state) {
        if (state == null || state.length() != 5) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("53") || state.equals("40001") || state.equals("40P01")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
