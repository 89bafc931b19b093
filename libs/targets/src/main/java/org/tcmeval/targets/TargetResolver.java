package org.tcmeval.targets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the target in force for a division: the most specific profile whose division code is a
 * prefix of the division's code, then up its parent chain (county → city → province → national).
 */
public final class TargetResolver {

    /** Division code of the national baseline profile; it is no prefix of any real code. */
    public static final String NATIONAL_CODE = "00";

    private final Map<String, TargetProfile> byId = new HashMap<>();
    private final List<TargetProfile> bySpecificity;

    public TargetResolver(Collection<TargetProfile> profiles) {
        profiles.forEach(p -> byId.put(p.id(), p));
        bySpecificity = new ArrayList<>(profiles);
        bySpecificity.sort(Comparator.comparingInt((TargetProfile p) -> p.divisionCode().length()).reversed());
    }

    /** The effective target and the profile it comes from, if any profile in the chain sets one. */
    public Optional<ResolvedTarget> resolve(String divisionCode, String indicatorCode) {
        Set<String> seen = new HashSet<>();
        for (TargetProfile p = mostSpecific(divisionCode); p != null; p = byId.get(p.parentId())) {
            if (!seen.add(p.id())) {
                throw new IllegalStateException("cycle in target profile parents at " + p.id());
            }
            Optional<Target> t = p.target(indicatorCode);
            if (t.isPresent()) {
                return Optional.of(new ResolvedTarget(t.get(), p.id()));
            }
            if (p.parentId() == null) {
                break;
            }
        }
        return Optional.empty();
    }

    private TargetProfile mostSpecific(String divisionCode) {
        TargetProfile root = null;
        for (TargetProfile p : bySpecificity) {
            if (NATIONAL_CODE.equals(p.divisionCode())) {
                root = p;
            } else if (divisionCode.startsWith(p.divisionCode())) {
                return p;
            }
        }
        return root;
    }

    /** A target together with the id of the profile that set it (its provenance). */
    public record ResolvedTarget(Target target, String profileId) {
    }
}
