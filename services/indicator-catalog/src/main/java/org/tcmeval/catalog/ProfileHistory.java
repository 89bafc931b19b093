package org.tcmeval.catalog;

import java.util.List;
import java.util.Optional;
import org.tcmeval.catalog.mapping.TargetJson;
import org.tcmeval.targets.TargetProfile;

/**
 * A profile with every revision it has had, oldest first: the unit the catalog reads, changes and
 * publishes.
 */
public record ProfileHistory(Profile profile, List<ProfileRevision> revisions) {

    public ProfileHistory {
        revisions = List.copyOf(revisions);
    }

    public String id() {
        return profile.id;
    }

    public ProfileRevision latest() {
        return ProfileRules.latest(revisions);
    }

    public Optional<ProfileRevision> inForce(int year) {
        return ProfileRules.inForce(revisions, year);
    }

    public int firstInForce() {
        return ProfileRules.firstInForce(revisions);
    }

    public Optional<ProfileRevision> revision(int revision) {
        return revisions.stream().filter(r -> r.key.revision() == revision).findFirst();
    }

    /** One revision as libs/targets models a profile. */
    public TargetProfile at(ProfileRevision revision) {
        return new TargetProfile(profile.id, profile.divisionCode, revision.parentId, TargetJson.targets(revision.targets));
    }

    /** The tree position of the newest revision, without targets: enough to check parents and divisions. */
    public TargetProfile structure() {
        return new TargetProfile(profile.id, profile.divisionCode, latest().parentId, List.of());
    }
}
