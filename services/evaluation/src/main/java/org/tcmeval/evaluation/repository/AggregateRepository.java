package org.tcmeval.evaluation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.tcmeval.evaluation.Aggregate;
import org.tcmeval.targets.AggregateRatio;

@ApplicationScoped
public class AggregateRepository {

    /**
     * Adds {@code delta} to a division's sums and answers the new sums. The row is created if
     * missing and locked for the rest of the transaction, so consumers on other partitions that
     * touch the same county wait instead of losing an update.
     */
    public Uni<Aggregate> add(Aggregate.Key key, AggregateRatio delta) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "insert into aggregate (division_code, indicator_code, year, numerator, denominator) "
                                + "values (:d, :i, :y, 0, 0) on conflict do nothing")
                .setParameter("d", key.divisionCode()).setParameter("i", key.indicatorCode())
                .setParameter("y", key.year())
                .executeUpdate()
                .flatMap(ignored -> s.find(Aggregate.class, key, LockMode.PESSIMISTIC_WRITE))
                .invoke(a -> a.add(delta)));
    }
}
