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

    public static String json(Object value) {
        return Json.write(value);
    }

    public static String jsonArray(Collection<String> values) {
        return json(values);
    }
}
