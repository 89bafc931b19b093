package org.tcmeval.registry.repository;

import org.tcmeval.support.persistence.BulkSql;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tcmeval.registry.InstitutionChange;

@ApplicationScoped
public class InstitutionChangeRepository implements PanacheRepositoryBase<InstitutionChange, Long> {

    public Uni<List<InstitutionChange>> history(UUID institutionId) {
        return find("institutionId = ?1 order by revision", institutionId).list();
    }

    /** Appends many history rows in one statement per chunk (bulk import). */
    public Uni<Integer> insertAll(List<Map<String, Object>> rows, int chunkSize) {
        return BulkSql.execute("insert into institution_change (institution_id, revision, action, source, changed_by, "
                + "changed_at, changes) select institution_id, revision, action, source, changed_by, changed_at, changes from "
                + BulkSql.ROWS + " as r(institution_id uuid, revision bigint, action text, source text, changed_by text, "
                + "changed_at timestamptz, changes text)", rows, chunkSize);
    }
}
