package org.tcmeval.support.persistence;

/**
 * Recognises a PostgreSQL unique-key violation (SQLSTATE 23505) however deep Hibernate Reactive
 * and the Vert.x client wrapped it, so a race between two writers of the same key can be answered
 * as the 409 it is rather than an unexpected 500.
 */
public final class UniqueViolation {

    private static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && SQL_STATE.equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c
                    && SQL_STATE.equals(c.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
