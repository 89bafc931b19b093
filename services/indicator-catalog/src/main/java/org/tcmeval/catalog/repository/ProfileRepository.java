package org.tcmeval.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import org.tcmeval.catalog.Profile;
import org.tcmeval.catalog.ProfileRevision;

@ApplicationScoped
public class ProfileRepository implements PanacheRepositoryBase<Profile, String> {

    public Uni<List<Profile>> all() {
        return listAll(Sort.by("divisionCode").and("id"));
    }

    /** Profiles at or below a division (code prefix), e.g. {@code 45} for Guangxi and its cities and counties. */
    public Uni<List<Profile>> within(String divisionPrefix) {
        return list("divisionCode like ?1", Sort.by("divisionCode").and("id"), divisionPrefix + "%");
    }

    public Uni<List<Profile>> byDivisions(Collection<String> codes) {
        return list("divisionCode in ?1", codes);
    }

    /** The profile, locked until the transaction ends, so concurrent changes get consecutive revisions. */
    public Uni<Profile> lock(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Serialises changes to the profile tree (creations, new parents) for the transaction, so two
     * of them cannot each pass the consistency check against a tree that the other is changing.
     */
    public Uni<Long> lockTree() {
        return getSession().flatMap(s -> s.createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(hashtext('catalog.target_profile'))) l",
                        Long.class)
                .getSingleResult());
    }

    public Uni<List<ProfileRevision>> revisions(String profileId) {
        return getSession().flatMap(s -> s.createQuery(
                        "from ProfileRevision r where r.key.profileId = :id order by r.key.revision", ProfileRevision.class)
                .setParameter("id", profileId).getResultList());
    }

    public Uni<List<ProfileRevision>> revisions(Collection<String> profileIds) {
        if (profileIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().flatMap(s -> s.createQuery("from ProfileRevision r where r.key.profileId in (:ids) "
                        + "order by r.key.profileId, r.key.revision", ProfileRevision.class)
                .setParameter("ids", profileIds).getResultList());
    }

    /** Every revision of every profile; the tree is small (one profile per jurisdiction that sets targets). */
    public Uni<List<ProfileRevision>> allRevisions() {
        return getSession().flatMap(s -> s.createQuery("from ProfileRevision r order by r.key.profileId, r.key.revision",
                ProfileRevision.class).getResultList());
    }

    public Uni<ProfileRevision> revision(String profileId, int revision) {
        return getSession().flatMap(s -> s.find(ProfileRevision.class, new ProfileRevision.Key(profileId, revision)));
    }

    public Uni<Void> persistRevision(ProfileRevision revision) {
        return getSession().flatMap(s -> s.persist(revision));
    }
}
