package org.tcmeval.catalog.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.tcmeval.catalog.Profile;
import org.tcmeval.catalog.ProfileHistory;
import org.tcmeval.catalog.ProfileRevision;
import org.tcmeval.catalog.ProfileRules;
import org.tcmeval.catalog.mapping.TargetJson;
import org.tcmeval.catalog.repository.ProfileRepository;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.targets.Target;
import org.tcmeval.targets.TargetProfile;
import org.tcmeval.support.problem.ProblemType;

/**
 * Changes to target profiles. Every change is a new effective-dated revision, published with the
 * profile's whole history to {@code catalog-changed} in the same transaction. All methods run in
 * the caller's transaction.
 */
@ApplicationScoped
public class ProfileService {

    @Inject
    ProfileRepository profiles;

    @Inject
    ProfileQueryService query;

    @Inject
    ProfileEvents events;

    /** A new profile with revision 1, checked against the whole tree (id, division, parent). */
    public Uni<ProfileHistory> create(TargetProfile draft, int effectiveFrom, Jurisdiction jurisdiction, String who) {
        ProfileRules.requireWithin(jurisdiction, draft.divisionCode());
        return profiles.lockTree().chain(query::tree).flatMap(tree -> {
            if (tree.containsKey(draft.id())) {
                String message = "profile " + draft.id() + " exists; change it with PUT /api/v1/profiles/" + draft.id();
                throw new ProblemException(ProblemType.UNIQUE_ID, message,
                        List.of(new FieldError("id", "unique-id", message)));
            }
            requireParentInForce(tree, draft.parentId(), effectiveFrom);
            List<TargetProfile> all = new ArrayList<>(tree.values().stream().map(ProfileHistory::structure).toList());
            all.add(draft);
            ProfileRules.requireConsistent(all);
            return insert(draft, effectiveFrom, who);
        });
    }

    /** Stores revision 1 of a profile whose checks have passed, and publishes it. */
    public Uni<ProfileHistory> insert(TargetProfile p, int effectiveFrom, String who) {
        Profile profile = new Profile();
        profile.id = p.id();
        profile.divisionCode = p.divisionCode();
        profile.currentRevision = 1;
        profile.createdBy = who;
        profile.createdAt = OffsetDateTime.now();
        ProfileRevision first = revision(p, 1, effectiveFrom, who);
        return profiles.persist(profile).chain(() -> profiles.persistRevision(first))
                .map(v -> new ProfileHistory(profile, List.of(first)))
                .call(events::publish)
                .invoke(h -> Log.debugf("profile %s created for division %s from %d", p.id(), p.divisionCode(),
                        effectiveFrom));
    }

    /** Sets (adds or overrides) the profile's target for one indicator. */
    public Uni<ProfileHistory> setTarget(String id, Target target, int effectiveFrom, Integer expected,
            Jurisdiction jurisdiction, String who) {
        return change(id, effectiveFrom, expected, jurisdiction, who, current -> {
            List<Target> targets = new ArrayList<>(current.targets().stream()
                    .map(t -> t.indicatorCode().equals(target.indicatorCode()) ? target : t).toList());
            if (current.target(target.indicatorCode()).isEmpty()) {
                targets.add(target);
            }
            return ProfileRules.profile(current.id(), current.divisionCode(), current.parentId(), targets);
        });
    }

    /** Drops the profile's own target for an indicator, so the parent's applies again. */
    public Uni<ProfileHistory> removeTarget(String id, String indicatorCode, int effectiveFrom, Integer expected,
            Jurisdiction jurisdiction, String who) {
        return change(id, effectiveFrom, expected, jurisdiction, who, current -> {
            if (current.target(indicatorCode).isEmpty()) {
                String message = "profile " + id + " sets no target for " + indicatorCode + " (it may inherit one)";
                throw new ProblemException(ProblemType.NOT_FOUND, message,
                        List.of(new FieldError("indicatorCode", "set-by-profile", message)));
            }
            return ProfileRules.profile(current.id(), current.divisionCode(), current.parentId(),
                    current.targets().stream().filter(t -> !t.indicatorCode().equals(indicatorCode)).toList());
        });
    }

    /** Moves the profile under another parent, checked against the whole tree (no cycle, containing division). */
    public Uni<ProfileHistory> setParent(String id, String parentId, int effectiveFrom, Integer expected,
            Jurisdiction jurisdiction, String who) {
        return profiles.lockTree().chain(query::tree).flatMap(tree -> change(id, effectiveFrom, expected, jurisdiction,
                who, current -> {
                    TargetProfile moved = ProfileRules.profile(id, current.divisionCode(), parentId, current.targets());
                    List<TargetProfile> all = new ArrayList<>(tree.values().stream()
                            .map(h -> h.id().equals(id) ? moved : h.structure()).toList());
                    ProfileRules.requireConsistent(all);
                    requireParentInForce(tree, parentId, effectiveFrom);
                    return moved;
                }));
    }

    private Uni<ProfileHistory> change(String id, int effectiveFrom, Integer expected, Jurisdiction jurisdiction,
            String who, Function<TargetProfile, TargetProfile> edit) {
        return profiles.lock(id).flatMap(profile -> {
            if (profile == null) {
                throw ProblemException.notFound("profile " + id);
            }
            ProfileRules.requireWithin(jurisdiction, profile.divisionCode);
            ProfileRules.requireRevision(expected, profile.currentRevision, id);
            return profiles.revisions(id).flatMap(revisions -> {
                ProfileHistory history = new ProfileHistory(profile, revisions);
                ProfileRevision latest = history.latest();
                ProfileRules.requireNotBeforeLatest(effectiveFrom, latest);
                TargetProfile current = history.at(latest);
                TargetProfile next = edit.apply(current);
                if (Objects.equals(next.parentId(), current.parentId())
                        && new HashSet<>(next.targets()).equals(new HashSet<>(current.targets()))) {
                    // Nothing changes, so no revision: a retried PUT does not create history.
                    return Uni.createFrom().item(history);
                }
                profile.currentRevision = latest.key.revision() + 1;
                ProfileRevision added = revision(next, profile.currentRevision, effectiveFrom, who);
                List<ProfileRevision> all = new ArrayList<>(revisions);
                all.add(added);
                Log.debugf("profile %s revision %d in force from %d", id, profile.currentRevision, effectiveFrom);
                return profiles.persistRevision(added).map(v -> new ProfileHistory(profile, all)).call(events::publish);
            });
        });
    }

    private static void requireParentInForce(Map<String, ProfileHistory> tree, String parentId, int effectiveFrom) {
        ProfileHistory parent = parentId == null ? null : tree.get(parentId);
        if (parent != null) {
            ProfileRules.requireParentInForce(parentId, parent.firstInForce(), effectiveFrom);
        }
    }

    private static ProfileRevision revision(TargetProfile p, int number, int effectiveFrom, String who) {
        ProfileRevision r = new ProfileRevision();
        r.key = new ProfileRevision.Key(p.id(), number);
        r.effectiveFrom = effectiveFrom;
        r.parentId = p.parentId();
        r.targets = TargetJson.write(p.targets());
        r.changedBy = who;
        r.changedAt = OffsetDateTime.now();
        return r;
    }
}
