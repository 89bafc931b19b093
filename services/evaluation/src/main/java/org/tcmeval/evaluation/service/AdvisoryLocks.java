package org.tcmeval.evaluation.service;

import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.tcmeval.support.persistence.SessionSql;

/**
 * The transaction-scoped advisory locks that serialise paths which would otherwise each miss the
 * other's uncommitted rows. Kept together because their order matters: an institution's lock before
 * the registrations', as judging takes them.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /**
     * Serialises the report path and the institution path for one institution until the end of the
     * transaction. Without it, a report and its institution arriving together each miss the other's
     * uncommitted row and the report is never applied.
     */
    public static Uni<Void> lockInstitution(UUID institutionId) {
        return lockInstitutions(List.of(institutionId));
    }

    /**
     * The registrations (operating institutions) of provinces, as judging counts them for expected units.
     * A report judged while an institution of its county is being registered could count the units
     * without it, and the registration's re-judging could miss the result that report is writing:
     * neither sees the other's uncommitted rows, and the result would keep a completeness that is no
     * longer true. Judging holds this lock shared until commit, a registration change exclusively
     * (after its institution's lock, the order judging takes them in), so whichever commits second
     * sees the first.
     */
    static Uni<Void> lockRegistrations(boolean shared, Collection<String> provinces) {
        if (provinces.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> keys = new TreeSet<>(provinces).stream().map(p -> "registration:" + p).toList();
        return SessionSql.select("select 1 from (select " + (shared ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock")
                + "(hashtext(k)) from (select k from unnest($1::text[]) k order by k) o) l",
                (Object) keys.toArray(String[]::new)).replaceWithVoid();
    }

    /** {@link #lockInstitution} for many, in one statement and in id order (no deadlock between batches). */
    static Uni<Void> lockInstitutions(List<UUID> sortedIds) {
        if (sortedIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> keys = sortedIds.stream().map(id -> "institution:" + id).toList();
        // One row per lock, read on the bare connection: a batch takes thousands.
        return SessionSql.select("select 1 from (select pg_advisory_xact_lock(hashtext(k))"
                + " from (select k from unnest($1::text[]) k order by k) o) l", (Object) keys.toArray(String[]::new))
                .replaceWithVoid();
    }
}
