package org.tcmeval.support.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.tcmeval.events.Json;

/**
 * Set-based writes for imports: a chunk of rows travels as one JSON text parameter and PostgreSQL
 * unpacks it with {@code jsonb_to_recordset}, so thousands of rows cost one round trip instead of
 * one each. Runs in the caller's transaction, like every other write.
 */
public final class BulkSql {

    /** The parameter, typed as text and cast by the server, so no driver guesses at a JSON binding. */
    public static final String ROWS = "json_to_recordset(cast(cast(?1 as text) as json))";
    /** A JSON array of strings, e.g. codes, as a set to test membership against. */
    public static final String VALUES = "(select jsonb_array_elements_text(cast(cast(?1 as text) as jsonb)))";

    private BulkSql() {
    }

    /** Runs {@code sql} (which reads {@link #ROWS}) once per chunk of {@code chunkSize} rows; answers rows written. */
    public static Uni<Integer> execute(String sql, List<? extends Map<String, ?>> rows, int chunkSize) {
        Uni<Integer> total = Uni.createFrom().item(0);
        for (int from = 0; from < rows.size(); from += chunkSize) {
            List<? extends Map<String, ?>> chunk = rows.subList(from, Math.min(rows.size(), from + chunkSize));
            total = total.flatMap(n -> Panache.getSession()
                    .flatMap(s -> s.createNativeQuery(sql).setParameter(1, json(chunk)).executeUpdate())
                    .map(m -> n + m));
        }
        return total;
    }

    /**
     * A set of rows as columns: {@code unnest(cast(?1 as text[]), cast(?2 as int[]), ...)} for the
     * given PostgreSQL element types, to read as {@code from unnest(...) as r(a, b, ...)}. Each column
     * travels as one typed array in the driver's binary format, so neither side encodes or parses
     * JSON (which {@link #ROWS} costs: the Java side writes every value as text, the server parses it
     * back and re-types it).
     */
    public static String unnest(String... elementTypes) {
        StringBuilder sql = new StringBuilder("unnest(");
        for (int i = 0; i < elementTypes.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("cast(?").append(i + 1).append(" as ").append(elementTypes[i])
                    .append("[])");
        }
        return sql.append(")").toString();
    }

    /**
     * Runs {@code sql} (which reads an {@link #unnest} of as many columns) once per chunk of
     * {@code chunkSize} rows; {@code columns} are arrays of equal length ({@code String[]},
     * {@code Integer[]}, {@code Long[]}, {@code BigDecimal[]}, {@code UUID[]}; nulls allowed), bound in
     * order. Answers rows written.
     */
    public static Uni<Integer> executeColumns(String sql, int chunkSize, Object[]... columns) {
        int rows = columns.length == 0 ? 0 : columns[0].length;
        for (Object[] c : columns) {
            if (c.length != rows) {
                throw new IllegalArgumentException("columns of different lengths: " + c.length + " and " + rows);
            }
        }
        // On the bare connection (SessionSql): these are the statements a burst runs most.
        String statement = SessionSql.positional(sql);
        Uni<Integer> total = Uni.createFrom().item(0);
        for (int from = 0; from < rows; from += chunkSize) {
            int start = from;
            int end = Math.min(rows, from + chunkSize);
            total = total.flatMap(n -> {
                Object[] chunk = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    chunk[i] = start == 0 && end == rows ? columns[i] : java.util.Arrays.copyOfRange(columns[i], start, end);
                }
                return SessionSql.update(statement, chunk).map(m -> n + m);
            });
        }
        return total;
    }

    /**
     * Runs {@code sql} once with the given parameters ({@code ?1}, {@code ?2}, ...), where column
     * arrays are read with {@code unnest(cast(?1 as text[]), ...)} (see {@link #unnest}): each value travels as itself, so
     * text that is JSON already (an event's payload) is not escaped again inside a JSON document, and
     * nothing is encoded only for PostgreSQL to decode it. Pass arrays as {@code String[]} and
     * scalars as their own Java type ({@code OffsetDateTime}, {@code UUID}): the driver encodes each
     * parameter as the type the server infers from its cast and does not convert text.
     */
    public static Uni<Integer> executeWith(String sql, Object... parameters) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    public static String json(Object value) {
        return Json.write(value);
    }

    public static String jsonArray(Collection<String> values) {
        return json(values);
    }
}
