package org.tcmeval.support.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.data.Numeric;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.hibernate.FlushMode;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * Reads many rows on the current session's connection, in its transaction, without Hibernate's query
 * machinery: a native query's result passes every row through Hibernate Reactive's per-row loading
 * (one completion stage and a row-reading context per row), which was about a quarter of what
 * evaluation allocated while absorbing a province's year. Here a row is the driver's values as an
 * {@code Object[]}. SQL is PostgreSQL's own: parameters are {@code $1, $2, ...}; arrays bind as
 * {@code String[]}, {@code UUID[]}, {@code Integer[]}.
 *
 * <p>Like a native query, it first flushes a session in {@link FlushMode#AUTO} (so the read sees the
 * session's pending writes) and does not in {@link FlushMode#COMMIT}.
 */
public final class SessionSql {

    private SessionSql() {
    }

    /** The rows of {@code sql}; {@code numeric} values come as {@link java.math.BigDecimal}. */
    public static Uni<List<Object[]>> select(String sql, Object... parameters) {
        return Panache.getSession().chain(s -> flushIfAuto(s).chain(() -> Uni.createFrom()
                .completionStage(() -> connection(s).select(sql, parameters.clone()))).map(SessionSql::rows));
    }

    /** Runs a statement that answers no rows; answers rows written. */
    public static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().chain(s -> flushIfAuto(s).chain(() -> Uni.createFrom()
                .completionStage(() -> connection(s).update(sql, parameters.clone()))));
    }

    /** A statement and its parameters ({@code $1, $2, ...}) for {@link #updateAll}. */
    public record Statement(String sql, Object... parameters) {
    }

    /**
     * Runs statements in order on the session's connection, each sent without waiting for the answer
     * to the one before (the driver pipelines them): the client encodes the next statement's
     * parameters while the server runs the previous one, where one after another each side waited for
     * the other. A bulk chunk's inserts (thousands of rows each) spent about half their time so.
     * Answers each statement's rows written, in order. The first failure is the answer: the server
     * aborts the transaction there, and the statements after it fail for that reason only.
     */
    public static Uni<List<Integer>> updateAll(List<Statement> statements) {
        return Panache.getSession().chain(s -> flushIfAuto(s).chain(() -> {
            ReactiveConnection c = connection(s);
            List<CompletionStage<Integer>> sent = new ArrayList<>(statements.size());
            for (Statement st : statements) {
                sent.add(c.update(st.sql(), st.parameters().clone()));
            }
            Uni<List<Integer>> counts = Uni.createFrom().item(new ArrayList<>(statements.size()));
            for (CompletionStage<Integer> answer : sent) {
                counts = counts.chain(list -> Uni.createFrom().completionStage(answer).map(n -> {
                    list.add(n);
                    return list;
                }));
            }
            return counts;
        }));
    }

    /**
     * {@code sql} with Hibernate's ordinal parameters ({@code ?1, ?2, ...}) written as PostgreSQL's
     * ({@code $1, $2, ...}), for statements built for both.
     */
    public static String positional(String sql) {
        return ORDINAL.matcher(sql).replaceAll("\\$$1");
    }

    private static final java.util.regex.Pattern ORDINAL = java.util.regex.Pattern.compile("\\?(\\d+)");

    private static List<Object[]> rows(ReactiveConnection.Result result) {
        List<Object[]> rows = new ArrayList<>(result.size());
        while (result.hasNext()) {
            Object[] row = result.next();
            for (int i = 0; i < row.length; i++) {
                if (row[i] instanceof Numeric n) {
                    row[i] = n.bigDecimalValue();
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static Uni<Void> flushIfAuto(Mutiny.Session s) {
        FlushMode mode = s.getFlushMode();
        return mode == FlushMode.AUTO || mode == FlushMode.ALWAYS ? s.flush() : Uni.createFrom().voidItem();
    }

    private static ReactiveConnection connection(Mutiny.Session s) {
        if (s instanceof MutinySessionImpl impl) {
            return impl.getReactiveConnection();
        }
        throw new IllegalStateException("not a Hibernate Reactive session: " + s.getClass().getName());
    }
}
