package org.tcmeval.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import org.tcmeval.catalog.TechniqueClass;
import org.tcmeval.catalog.TechniqueClassRevision;
import org.tcmeval.catalog.TechniqueItem;

@ApplicationScoped
public class TechniqueRepository implements PanacheRepositoryBase<TechniqueClass, String> {

    public Uni<List<TechniqueClass>> classes() {
        return listAll(Sort.by("sortOrder").and("code"));
    }

    /** The class, locked until the transaction ends, so two admins' changes get consecutive revisions. */
    public Uni<TechniqueClass> lock(String code) {
        return findById(code, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<TechniqueItem>> items() {
        return getSession().flatMap(s -> s.createQuery("from TechniqueItem order by classCode, sortOrder, code",
                TechniqueItem.class).getResultList());
    }

    public Uni<List<TechniqueItem>> items(String classCode) {
        return getSession().flatMap(s -> s.createQuery("from TechniqueItem where classCode = :c order by sortOrder, code",
                TechniqueItem.class).setParameter("c", classCode).getResultList());
    }

    public Uni<List<TechniqueItem>> itemsByCode(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().flatMap(s -> s.createQuery("from TechniqueItem where code in (:codes)", TechniqueItem.class)
                .setParameter("codes", codes).getResultList());
    }

    public Uni<TechniqueItem> item(String code) {
        return getSession().flatMap(s -> s.find(TechniqueItem.class, code));
    }

    public Uni<TechniqueClassRevision> revision(String classCode, int revision) {
        return getSession().flatMap(s -> s.find(TechniqueClassRevision.class,
                new TechniqueClassRevision.Key(classCode, revision)));
    }

    public Uni<Void> persistAll(Object... entities) {
        return getSession().flatMap(s -> s.persistAll(entities));
    }
}
