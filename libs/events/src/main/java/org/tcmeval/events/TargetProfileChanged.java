package org.tcmeval.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tcmeval.targets.TargetProfile;

/**
 * A jurisdiction's target profile (目标档案) after a change, with <em>every</em> revision it has
 * had. The topic is compacted and keyed by profile id, so only the newest record per profile
 * survives; carrying the whole history in it is what lets a replay rebuild how any year was
 * judged, not just the present.
 *
 * <p>Revisions are effective-dated: the one in force in a year is the newest revision whose
 * {@code effectiveFrom} is not after that year. A change never alters a year before its
 * {@code effectiveFrom}.
 *
 * @param revision the revision this change created; consumers keep the highest they have seen
 * @param revisions every revision, oldest first
 */
public record TargetProfileChanged(
        String profileId,
        String divisionCode,
        int revision,
        List<Revision> revisions) {

    public static final int VERSION = 1;

    public TargetProfileChanged {
        revisions = List.copyOf(revisions);
    }

    /**
     * One revision: the parent and the targets the profile sets itself from {@code effectiveFrom} on.
     *
     * @param parentId profile inherited from, {@code null} for the national root
     * @param targets the profile's own targets (overrides and additions), not the inherited ones
     */
    public record Revision(
            int revision,
            int effectiveFrom,
            String parentId,
            List<TargetSpec> targets,
            String changedBy,
            OffsetDateTime changedAt) {

        public Revision {
            targets = List.copyOf(targets);
        }
    }

    /** The revision in force in {@code year}, empty before the first one takes effect. */
    public Optional<Revision> inForce(int year) {
        return revisions.stream().filter(r -> r.effectiveFrom() <= year)
                .max(java.util.Comparator.comparingInt(Revision::effectiveFrom).thenComparingInt(Revision::revision));
    }

    /** The profile as libs/targets models it in {@code year}, ready for a {@code TargetResolver}. */
    public Optional<TargetProfile> profileInForce(int year) {
        return inForce(year).map(r -> new TargetProfile(profileId, divisionCode, r.parentId(),
                r.targets().stream().map(TargetSpec::toTarget).toList()));
    }
}
