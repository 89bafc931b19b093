package org.tcmeval.engine;

import java.util.Objects;
import java.util.Optional;
import org.tcmeval.targets.Target;
import org.tcmeval.targets.TargetProfile;
import org.tcmeval.targets.TargetResolver;
import org.tcmeval.targets.TargetResolver.ResolvedTarget;

/**
 * The target in force (现行目标) for a division, with the profile that set it and that profile's
 * own division: counts and directly reported values are judged there only (Inner Mongolia's 150
 * demonstration 中医馆 is a number for the region, not for each banner).
 */
public record TargetInForce(Target target, String profileId, String profileDivisionCode) {

    public TargetInForce {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(profileDivisionCode, "profileDivisionCode");
    }

    /** The target {@code resolver} puts in force for {@code divisionCode}, if any. */
    public static Optional<TargetInForce> resolve(TargetResolver resolver, String divisionCode, String indicatorCode) {
        return resolver.resolve(divisionCode, indicatorCode).map(r -> of(r, resolver, divisionCode));
    }

    /** Adds the profile's division to a target resolved for {@code divisionCode}. */
    public static TargetInForce of(ResolvedTarget resolved, TargetResolver resolver, String divisionCode) {
        TargetProfile profile = resolver.chain(divisionCode).stream()
                .filter(p -> p.id().equals(resolved.profileId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("profileId: " + resolved.profileId()
                        + " is not in the profile chain of division " + divisionCode));
        return new TargetInForce(resolved.target(), profile.id(), profile.divisionCode());
    }
}
