package org.tcmeval.reporting.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a set-based write as one text array per column, for {@code unnest} (see
 * {@code BulkSql.executeWith}); PostgreSQL casts each column to its type in the statement.
 */
final class Columns {

    private final List<List<String>> columns;

    Columns(int count) {
        columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            columns.add(new ArrayList<>());
        }
    }

    void add(String... row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException(row.length + " values for " + columns.size() + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            columns.get(i).add(row[i]);
        }
    }

    int size() {
        return columns.get(0).size();
    }

    /** The statement's parameters: the columns as arrays, then the given scalars. */
    Object[] with(Object... scalars) {
        Object[] out = new Object[columns.size() + scalars.length];
        for (int i = 0; i < columns.size(); i++) {
            out[i] = columns.get(i).toArray(String[]::new);
        }
        System.arraycopy(scalars, 0, out, columns.size(), scalars.length);
        return out;
    }

    /** {@code unnest(cast(?1 as text[]), ..., cast(?n as text[]))} for {@code n} columns. */
    static String unnest(int n) {
        return org.tcmeval.support.persistence.BulkSql.unnest(java.util.Collections.nCopies(n, "text")
                .toArray(String[]::new));
    }
}
