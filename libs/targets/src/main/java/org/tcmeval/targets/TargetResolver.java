package org.tcmeval.targets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the target in force for a division: the most specific profile whose division code is a
 * prefix of the division's code, then up its parent chain (county → city → province → national).
 *
 * <p>The profiles are checked when the resolver is built — unique ids and division codes, known
 * parents, a parent's division containing the child's, no cycles — so that resolving never loops
 * and a bad profile set fails at start-up, not on the first report.
 */
public final class TargetResolver {

    /** Division code of the national baseline profile; it is no prefix of any real code. */
    public static final String NATIONAL_CODE = "00";

    private final Map<String, TargetProfile> byId = new HashMap<>();
    private final List<TargetProfile> bySpecificity;

    public TargetResolver(Collection<TargetProfile> profiles) {
        Map<String, String> idByDivision = new HashMap<>();
        for (TargetProfile p : profiles) {
            if (byId.put(p.id(), p) != null) {
                throw new IllegalArgumentException("id: two profiles are called " + p.id());
            }
            String other = idByDivision.put(p.divisionCode(), p.id());
            if (other != null) {
                throw new IllegalArgumentException("divisionCode: profiles " + other + " and " + p.id()
                        + " both claim division " + p.divisionCode());
            }
        }
        for (TargetProfile p : profiles) {
            checkParentKnown(p);
        }
        // Cycles first: with them out of the way, every chain ends and the containment message
        // names a real parent rather than a symptom of the loop.
        for (TargetProfile p : profiles) {
            checkNoCycle(p);
        }
        for (TargetProfile p : profiles) {
            checkParentContains(p);
        }
        bySpecificity = new ArrayList<>(profiles);
        bySpecificity.sort(Comparator.comparingInt((TargetProfile p) -> p.divisionCode().length()).reversed());
    }

    private void checkParentKnown(TargetProfile p) {
        if (p.parentId() != null && !byId.containsKey(p.parentId())) {
            throw new IllegalArgumentException(p.id() + ": parentId: '" + p.parentId()
                    + "' is not among the profiles " + byId.keySet());
        }
    }

    private void checkParentContains(TargetProfile p) {
        if (p.parentId() == null) {
            return;
        }
        TargetProfile parent = byId.get(p.parentId());
        if (!NATIONAL_CODE.equals(parent.divisionCode()) && !p.divisionCode().startsWith(parent.divisionCode())) {
            throw new IllegalArgumentException(p.id() + ": parentId: parent " + parent.id() + " (division "
                    + parent.divisionCode() + ") does not contain division " + p.divisionCode());
        }
    }

    private void checkNoCycle(TargetProfile start) {
        Set<String> path = new LinkedHashSet<>();
        for (TargetProfile p = start; p != null; p = p.parentId() == null ? null : byId.get(p.parentId())) {
            if (!path.add(p.id())) {
                throw new IllegalArgumentException("parentId: cycle in target profile parents: "
                        + String.join(" -> ", path) + " -> " + p.id());
            }
        }
    }

    /** The effective target and the profile it comes from, if any profile in the chain sets one. */
    public Optional<ResolvedTarget> resolve(String divisionCode, String indicatorCode) {
        for (TargetProfile p : chain(divisionCode)) {
            Optional<Target> t = p.target(indicatorCode);
            if (t.isPresent()) {
                return Optional.of(new ResolvedTarget(t.get(), p.id()));
            }
        }
        return Optional.empty();
    }

    /** Every target in force for a division, the most specific profile winning each indicator. */
    public List<ResolvedTarget> effectiveTargets(String divisionCode) {
        Map<String, ResolvedTarget> byCode = new LinkedHashMap<>();
        for (TargetProfile p : chain(divisionCode)) {
            for (Target t : p.targets()) {
                byCode.putIfAbsent(t.indicatorCode(), new ResolvedTarget(t, p.id()));
            }
        }
        return List.copyOf(byCode.values());
    }

    /** The profiles that apply to a division, most specific first. */
    public List<TargetProfile> chain(String divisionCode) {
        List<TargetProfile> chain = new ArrayList<>();
        for (TargetProfile p = mostSpecific(divisionCode); p != null;
                p = p.parentId() == null ? null : byId.get(p.parentId())) {
            chain.add(p);
        }
        return chain;
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

        public IndicatorDefinition indicator() {
            return target.indicator();
        }
    }
}
