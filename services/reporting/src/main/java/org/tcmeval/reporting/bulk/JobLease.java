package org.tcmeval.reporting.bulk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The lease by which one reporting instance runs a job (V22). Times are the database's
 * ({@code clock_timestamp()}), so instances need no common clock, and the service's own clock, which
 * tests pin to a day, plays no part.
 *
 * <p>Two instances never write for the same job: {@link #claim} takes only a job nobody holds
 * (lease ended or never set) and skips rows another claim has locked; {@link #fence} opens each
 * transaction of a job by checking the lease is still this instance's and keeps the job row locked
 * until that transaction ends, so a takeover waits for it, and a transaction whose lease was taken
 * over fails before it stores anything.
 */
final class JobLease {

    /** This instance's lease was taken over: another instance runs the job now. */
    static final class Lost extends RuntimeException {
        Lost(UUID job) {
            super("the lease of report job " + job + " was taken over by another instance");
        }
    }

    private final String owner;
    private final long millis;

    JobLease(String owner, Duration length) {
        this.owner = owner;
        this.millis = length.toMillis();
    }

    String owner() {
        return owner;
    }

    /** Claims the oldest unfinished job nobody holds a lease on; null when there is none. Runs in a transaction. */
    Uni<UUID> claim() {
        return Panache.getSession().chain(s -> s.createNativeQuery("select cast(id as text) from report_job "
                + "where state in ('QUEUED', 'RUNNING') and (lease_until is null or lease_until < clock_timestamp()) "
                + "order by created_at limit 1 for update skip locked", String.class).getResultList())
                .chain((List<String> ids) -> {
                    if (ids.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    UUID id = UUID.fromString(ids.get(0));
                    return Panache.getSession().chain(s -> s.createNativeQuery("update report_job set state = 'RUNNING', "
                            + "lease_owner = ?1, lease_until = clock_timestamp() + ?2 * interval '1 millisecond' "
                            + "where id = ?3").setParameter(1, owner).setParameter(2, millis).setParameter(3, id)
                            .executeUpdate()).replaceWith(id);
                });
    }

    /**
     * Opens a transaction of the job: renews the lease if it is still this instance's, else fails
     * with {@link Lost}. The row lock the update takes lasts until the transaction ends.
     */
    Uni<Void> fence(UUID job) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update report_job set lease_until = "
                + "clock_timestamp() + ?1 * interval '1 millisecond' where id = ?2 and lease_owner = ?3")
                .setParameter(1, millis).setParameter(2, job).setParameter(3, owner).executeUpdate())
                .invoke(n -> {
                    if (n == 0) {
                        throw new Lost(job);
                    }
                }).replaceWithVoid();
    }

    /**
     * Renews the lease between the job's transactions; answers false when it is no longer this
     * instance's. A job row locked by the job's own open transaction is skipped rather than waited
     * for: nobody can take the job over while that lock is held.
     */
    Uni<Boolean> renew(UUID job) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery("select lease_owner "
                + "from report_job where id = ?1", String.class).setParameter(1, job).getResultList())
                .chain(owners -> {
                    if (owners.isEmpty() || !owner.equals(owners.get(0))) {
                        return Uni.createFrom().item(false);
                    }
                    return Panache.getSession().chain(s -> s.createNativeQuery("update report_job set lease_until = "
                            + "clock_timestamp() + ?1 * interval '1 millisecond' where id in (select id from report_job "
                            + "where id = ?2 and lease_owner = ?3 for update skip locked)").setParameter(1, millis)
                            .setParameter(2, job).setParameter(3, owner).executeUpdate()).replaceWith(true);
                }));
    }
}
