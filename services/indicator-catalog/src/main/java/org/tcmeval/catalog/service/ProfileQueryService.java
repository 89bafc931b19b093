package org.tcmeval.catalog.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tcmeval.catalog.EffectiveTargets;
import org.tcmeval.catalog.Profile;
import org.tcmeval.catalog.ProfileHistory;
import org.tcmeval.catalog.ProfileRevision;
import org.tcmeval.catalog.ProfileRules;
import org.tcmeval.catalog.repository.ProfileRepository;
import org.tcmeval.support.problem.ProblemException;

/** Reads of target profiles and the effective targets of a division; every authenticated caller may read. */
@ApplicationScoped
public class ProfileQueryService {

    @Inject
    ProfileRepository profiles;

    /** Every profile with its history, by id in division order. */
    public Uni<Map<String, ProfileHistory>> tree() {
        return profiles.all().flatMap(all -> profiles.allRevisions().map(revisions -> histories(all, revisions)));
    }

    /** Profiles at or below a division, or all of them when {@code division} is null. */
    public Uni<List<ProfileHistory>> list(String division) {
        Uni<List<Profile>> found = division == null ? profiles.all() : profiles.within(division);
        return found.flatMap(list -> profiles.revisions(list.stream().map(p -> p.id).toList())
                .map(revisions -> List.copyOf(histories(list, revisions).values())));
    }

    public Uni<ProfileHistory> history(String id) {
        return profiles.findById(id).flatMap(p -> {
            if (p == null) {
                throw ProblemException.notFound("profile " + id);
            }
            return profiles.revisions(id).map(revisions -> new ProfileHistory(p, revisions));
        });
    }

    /** Targets in force for a division in a year; only the division's own and its ancestors' profiles can apply. */
    public Uni<EffectiveTargets> effective(String division, int year) {
        return profiles.byDivisions(ProfileRules.ancestry(division))
                .flatMap(candidates -> profiles.revisions(candidates.stream().map(p -> p.id).toList())
                        .map(revisions -> EffectiveTargets.resolve(division, year,
                                histories(candidates, revisions).values())));
    }

    private static Map<String, ProfileHistory> histories(List<Profile> profiles, List<ProfileRevision> revisions) {
        Map<String, List<ProfileRevision>> byProfile = revisions.stream()
                .collect(Collectors.groupingBy(r -> r.key.profileId()));
        Map<String, ProfileHistory> result = new LinkedHashMap<>();
        for (Profile p : profiles) {
            result.put(p.id, new ProfileHistory(p, byProfile.getOrDefault(p.id, List.of())));
        }
        return result;
    }
}
