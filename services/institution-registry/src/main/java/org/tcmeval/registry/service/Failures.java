package org.tcmeval.registry.service;

import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.ProblemType;

/**
 * Database refusals that are the client's business, turned into problems: a unique key taken by a
 * concurrent request (409) and a row changed since it was read (412). Everything else passes
 * through unchanged.
 */
final class Failures {

    private Failures() {
    }

    static Throwable translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException) {
                return t;
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return stale();
            }
            String state = t instanceof PgException p ? p.getSqlState()
                    : t instanceof JDBCException j ? j.getSQLState() : null;
            if ("23505".equals(state)) {
                return ProblemException.conflict(ProblemType.DUPLICATE, "another request registered the same code or identifier "
                        + "at the same time; read the current state and retry");
            }
        }
        return failure;
    }

    static ProblemException stale() {
        return ProblemException.stale("the institution changed since you read it; GET it again and retry with the new ETag");
    }
}
