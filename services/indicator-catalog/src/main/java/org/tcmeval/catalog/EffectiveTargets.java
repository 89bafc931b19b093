package org.tcmeval.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.Target;
import org.tcmeval.targets.TargetProfile;
import org.tcmeval.targets.TargetResolver;

/**
 * The targets in force for a division in a year (生效目标), each with where it comes from. Each
 * profile contributes the revision in force that year; inheritance and overrides are resolved by
 * libs/targets' {@link TargetResolver}, the same code evaluation uses.
 *
 * @param chain the profiles that apply, most specific first
 * @param targets one per indicator, in the order of {@link Indicators#ALL}
 */
public record EffectiveTargets(String divisionCode, int year, List<Provenance> chain, List<Entry> targets) {

    /** Which profile revision a value comes from. */
    public record Provenance(String profileId, String divisionCode, int revision, int effectiveFrom) {
    }

    public record Entry(Target target, Provenance provenance) {
    }

    /**
     * @param candidates the profiles of the division and its ancestors (see {@link ProfileRules#ancestry})
     */
    public static EffectiveTargets resolve(String divisionCode, int year, Collection<ProfileHistory> candidates) {
        Map<String, Provenance> provenance = new HashMap<>();
        List<TargetProfile> inForce = new ArrayList<>();
        for (ProfileHistory h : candidates) {
            h.inForce(year).ifPresent(r -> {
                inForce.add(h.at(r));
                provenance.put(h.id(), new Provenance(h.id(), h.profile().divisionCode, r.key.revision(), r.effectiveFrom));
            });
        }
        TargetResolver resolver = new TargetResolver(inForce);
        List<Provenance> chain = resolver.chain(divisionCode).stream().map(p -> provenance.get(p.id())).toList();
        List<Entry> targets = resolver.effectiveTargets(divisionCode).stream()
                .sorted(Comparator.comparingInt(r -> Indicators.ALL.indexOf(r.indicator())))
                .map(r -> new Entry(r.target(), provenance.get(r.profileId())))
                .toList();
        return new EffectiveTargets(divisionCode, year, chain, targets);
    }
}
