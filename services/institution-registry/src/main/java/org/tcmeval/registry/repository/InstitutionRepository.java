package org.tcmeval.registry.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.tcmeval.registry.Institution;

@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, UUID> {

    /** Institutions whose division code starts with {@code divisionPrefix}, in id order after {@code after}. */
    public Uni<List<Institution>> page(String divisionPrefix, UUID after, int limit) {
        String query = after == null
                ? "divisionCode like ?1 order by id"
                : "divisionCode like ?1 and id > ?2 order by id";
        Object[] params = after == null ? new Object[] {divisionPrefix + "%"} : new Object[] {divisionPrefix + "%", after};
        return find(query, params).page(0, limit).list();
    }

    public Uni<Boolean> usccTaken(String uscc) {
        return count("uscc", uscc).map(n -> n > 0);
    }
}
