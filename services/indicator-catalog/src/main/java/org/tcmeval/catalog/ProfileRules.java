package org.tcmeval.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.targets.Target;
import org.tcmeval.targets.TargetProfile;
import org.tcmeval.targets.TargetResolver;
import org.tcmeval.support.problem.ProblemType;

/**
 * What the catalog adds to libs/targets' rules: effective dating, the caller's jurisdiction and
 * optimistic concurrency. The shape of a target or profile and the consistency of parent chains
 * are the library's; these methods call its constructors and translate what they reject.
 */
public final class ProfileRules {

    private static final Comparator<ProfileRevision> IN_FORCE_ORDER = Comparator
            .comparingInt((ProfileRevision r) -> r.effectiveFrom).thenComparingInt(r -> r.key.revision());

    private ProfileRules() {
    }

    /** The revision in force in {@code year}: the newest whose {@code effectiveFrom} is not after it. */
    public static Optional<ProfileRevision> inForce(Collection<ProfileRevision> revisions, int year) {
        return revisions.stream().filter(r -> r.effectiveFrom <= year).max(IN_FORCE_ORDER);
    }

    public static ProfileRevision latest(Collection<ProfileRevision> revisions) {
        return revisions.stream().max(Comparator.comparingInt(r -> r.key.revision())).orElseThrow();
    }

    /** First year any revision of the profile is in force; since revisions only move forward, it stays in force after. */
    public static int firstInForce(Collection<ProfileRevision> revisions) {
        return revisions.stream().mapToInt(r -> r.effectiveFrom).min().orElseThrow();
    }

    /** The division codes whose profiles can apply to {@code division}: national, then each ancestor, then itself. */
    public static List<String> ancestry(String division) {
        List<String> codes = new ArrayList<>(List.of(TargetResolver.NATIONAL_CODE));
        for (int length = 2; length <= Math.min(6, division.length()); length += 2) {
            codes.add(division.substring(0, length));
        }
        return codes;
    }

    /** 403 naming the division when a catalog admin reaches outside their subtree. */
    public static void requireWithin(Jurisdiction jurisdiction, String divisionCode) {
        if (!jurisdiction.covers(divisionCode)) {
            String message = "division " + divisionCode + " is outside your jurisdiction " + jurisdiction.divisionCode()
                    + "; a catalog admin changes profiles of their own division and below";
            throw new ProblemException(ProblemType.FORBIDDEN, message,
                    List.of(new FieldError("divisionCode", "within-jurisdiction", message)));
        }
    }

    /**
     * A change may not take effect before the newest revision does: revisions form one timeline, and
     * a change only ever alters the years from its own {@code effectiveFrom} on.
     */
    public static void requireNotBeforeLatest(int effectiveFrom, ProfileRevision latest) {
        if (effectiveFrom < latest.effectiveFrom) {
            throw ProblemException.invalid("effectiveFrom", "not-before-latest-revision", "revision "
                    + latest.key.revision() + " of " + latest.key.profileId() + " takes effect in " + latest.effectiveFrom
                    + "; a change cannot take effect earlier (" + effectiveFrom + ")");
        }
    }

    /** A parent must be in force whenever the child is, or the child's chain would break in early years. */
    public static void requireParentInForce(String parentId, int parentFirstYear, int effectiveFrom) {
        if (parentFirstYear > effectiveFrom) {
            throw ProblemException.invalid("parentId", "parent-in-force", "parent " + parentId + " is in force only from "
                    + parentFirstYear + ", after this change takes effect (" + effectiveFrom + ")");
        }
    }

    /** 412 when the caller sent an ETag that is no longer the newest revision. */
    public static void requireRevision(Integer expected, int current, String id) {
        if (expected != null && expected != current) {
            throw ProblemException.stale("profile " + id
                    + " is at revision " + current + ", not " + expected + "; read it again");
        }
    }

    /** The library's profile, checked by its constructor (id, division code, self-parent, one target per indicator). */
    public static TargetProfile profile(String id, String divisionCode, String parentId, List<Target> targets) {
        try {
            return new TargetProfile(id, divisionCode, parentId, targets);
        } catch (IllegalArgumentException e) {
            throw LibraryViolations.problem(e, "");
        }
    }

    /** Every profile together must make a valid resolver: known parents, no cycle, parents containing children. */
    public static void requireConsistent(Collection<TargetProfile> profiles) {
        try {
            new TargetResolver(profiles);
        } catch (IllegalArgumentException e) {
            throw LibraryViolations.problem(e, "");
        }
    }
}
