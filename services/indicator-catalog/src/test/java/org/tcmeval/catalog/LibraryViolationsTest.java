package org.tcmeval.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.Nature;
import org.tcmeval.targets.Source;
import org.tcmeval.targets.Target;
import org.tcmeval.targets.TargetProfile;
import org.tcmeval.targets.TargetResolver;

/** The library's own rejections, each turned into the request field it is about and a stable rule name. */
class LibraryViolationsTest {

    static final Source SRC = new Source("test", "第1项");

    static FieldError error(Executable libraryCall, String prefix) {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class, libraryCall::execute);
        assertThat(e).as("libs/targets rejects it").isNotNull();
        return LibraryViolations.fieldError(e, prefix);
    }

    @Test
    void targetRules() {
        assertThat(error(() -> Target.atLeast(Indicators.TCM_PHYSICIAN_RATIO, "130", SRC), ""))
                .extracting(FieldError::field, FieldError::rule).containsExactly("threshold", "range");
        assertThat(error(() -> Target.between(Indicators.TCM_GP_DENSITY, "0.7", "0.4", SRC), "targets[3]"))
                .extracting(FieldError::field, FieldError::rule)
                .containsExactly("targets[3].threshold", "lower-not-above-upper");
        assertThat(error(() -> new Target("NO_SUCH", Comparator.AT_LEAST, BigDecimal.ONE, null, 2025, Nature.EXPECTED,
                null, null, null, SRC), "")).extracting(FieldError::field, FieldError::rule)
                .containsExactly("indicatorCode", "known-indicator");
        assertThat(error(() -> Target.atLeast(Indicators.TCM_CORNER, "10", SRC).withBaseline(2026, "5"), ""))
                .extracting(FieldError::field, FieldError::rule)
                .containsExactly("baselineYear", "baseline-before-deadline");
    }

    @Test
    void treeRules() {
        var a = new TargetProfile("a", "45", "b", List.of());
        var b = new TargetProfile("b", "4509", "a", List.of());
        assertThat(error(() -> new TargetResolver(List.of(a, b)), "")).extracting(FieldError::field, FieldError::rule)
                .containsExactly("parentId", "no-cycle");
        // A profile named like a field ("min") in front of the message does not confuse the mapping.
        assertThat(error(() -> new TargetProfile("min", "45", "min", List.of()), ""))
                .extracting(FieldError::field, FieldError::rule).containsExactly("parentId", "no-cycle");
        assertThat(error(() -> new TargetResolver(List.of(new TargetProfile("a", "45", "ghost", List.of()))), ""))
                .extracting(FieldError::field, FieldError::rule).containsExactly("parentId", "known-parent");
        var im = new TargetProfile("im", "15", null, List.of());
        assertThat(error(() -> new TargetResolver(List.of(im, new TargetProfile("y", "4509", "im", List.of()))), ""))
                .extracting(FieldError::field, FieldError::rule).containsExactly("parentId", "parent-contains-division");
        assertThat(error(() -> new TargetResolver(List.of(im, new TargetProfile("x", "15", null, List.of()))), ""))
                .extracting(FieldError::field, FieldError::rule).containsExactly("divisionCode", "one-profile-per-division");
        assertThat(LibraryViolations.problem(new IllegalArgumentException("divisionCode: profiles a and b both claim "
                + "division 15"), "").status()).isEqualTo(409);
        assertThat(error(() -> new TargetProfile("x", "450", null, List.of()), ""))
                .extracting(FieldError::field, FieldError::rule).containsExactly("divisionCode", "division-code-format");
    }
}
