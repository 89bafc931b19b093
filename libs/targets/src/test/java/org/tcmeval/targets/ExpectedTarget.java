package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * One transcribed target as a test writes it out by hand, compared field by field with the
 * profile's target. The numbers are strings typed from the seed, never read from a constant.
 */
record ExpectedTarget(String code, Comparator comparator, String threshold, String upper, String location) {

    static ExpectedTarget atLeast(String code, String threshold, String location) {
        return new ExpectedTarget(code, Comparator.AT_LEAST, threshold, null, location);
    }

    static ExpectedTarget between(String code, String lower, String upper, String location) {
        return new ExpectedTarget(code, Comparator.BETWEEN, lower, upper, location);
    }

    /** Checks this row against the profile and returns the target for further checks. */
    Target assertIn(TargetProfile profile, String document) {
        Target t = profile.target(code).orElseThrow(() -> new AssertionError(profile.id() + " has no target for " + code));
        assertThat(t.comparator()).as(code + " comparator").isEqualTo(comparator);
        assertThat(t.threshold()).as(code + " threshold").isEqualByComparingTo(threshold);
        if (upper == null) {
            assertThat(t.upper()).as(code + " upper").isNull();
        } else {
            assertThat(t.upper()).as(code + " upper").isEqualByComparingTo(upper);
        }
        assertThat(t.source().document()).as(code + " document").isEqualTo(document);
        assertThat(t.source().location()).as(code + " location").isEqualTo(location);
        return t;
    }

    /** The profile sets exactly the rows listed: none missing, none untested. */
    static void assertExactly(TargetProfile profile, List<ExpectedTarget> rows) {
        assertThat(profile.targets()).extracting(Target::indicatorCode)
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(ExpectedTarget::code).toList());
    }
}
