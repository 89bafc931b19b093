package org.tcmeval.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import org.tcmeval.catalog.TechniqueClass;
import org.tcmeval.catalog.TechniqueClassRevision;
import org.tcmeval.catalog.TechniqueItem;

/** Technique lists: {@code scope} {@code 00} is the national list, a 2-digit province code its official list. */
@ApplicationScoped
public class TechniqueRepository implements PanacheRepositoryBase<TechniqueClass, TechniqueClass.Key> {

    public Uni<List<TechniqueClass>> classes(String scope) {
        return list("scope = :s", Sort.by("sortOrder").and("code"), Parameters.with("s", scope));
    }

    public Uni<TechniqueClass> find(String scope, String code) {
        return findById(new TechniqueClass.Key(scope, code));
    }

    /** The class, locked until the transaction ends, so two admins' changes get consecutive revisions. */
    public Uni<TechniqueClass> lock(String scope, String code) {
        return findById(new TechniqueClass.Key(scope, code), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Serialises uploads of one list for the transaction: an upload reads and rewrites the whole list. */
    public Uni<Long> lockList(String scope) {
        return getSession().flatMap(s -> s.createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(hashtext('catalog.technique_list:' || ?1))) l",
                        Long.class).setParameter(1, scope)
                .getSingleResult());
    }

    /** The scopes that have a list, national first. */
    public Uni<List<String>> scopes() {
        return getSession().flatMap(s -> s.createQuery("select distinct c.scope from TechniqueClass c order by c.scope",
                String.class).getResultList());
    }

    public Uni<List<TechniqueItem>> items(String scope) {
        return getSession().flatMap(s -> s.createQuery(
                        "from TechniqueItem where scope = :s order by classCode, sortOrder, code", TechniqueItem.class)
                .setParameter("s", scope).getResultList());
    }

    public Uni<List<TechniqueItem>> items(String scope, String classCode) {
        return getSession().flatMap(s -> s.createQuery(
                        "from TechniqueItem where scope = :s and classCode = :c order by sortOrder, code",
                        TechniqueItem.class)
                .setParameter("s", scope).setParameter("c", classCode).getResultList());
    }

    public Uni<List<TechniqueItem>> itemsByCode(String scope, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().flatMap(s -> s.createQuery("from TechniqueItem where scope = :s and code in (:codes)",
                        TechniqueItem.class)
                .setParameter("s", scope).setParameter("codes", codes).getResultList());
    }

    public Uni<TechniqueItem> item(String scope, String code) {
        return getSession().flatMap(s -> s.find(TechniqueItem.class, new TechniqueItem.Key(scope, code)));
    }

    public Uni<TechniqueClassRevision> revision(String scope, String classCode, int revision) {
        return getSession().flatMap(s -> s.find(TechniqueClassRevision.class,
                new TechniqueClassRevision.Key(scope, classCode, revision)));
    }

    public Uni<Void> persistAll(Object... entities) {
        return getSession().flatMap(s -> s.persistAll(entities));
    }
}
