package org.tcmeval.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcmeval.support.problem.Problem.FieldError;

class ReportRulesTest {

    @Test
    void aValidAnnualReportPasses() {
        assertThat(ReportRules.check("2024", Map.of("physicians", bd(8), "tcmPhysicians", bd(2)), 2026)).isEmpty();
        assertThat(ReportRules.check("2025-Q3", Map.of("physicians", bd(0)), 2026)).isEmpty();
    }

    @Test
    void aPartMayNotExceedItsWhole() {
        assertThat(ReportRules.check("2024", Map.of("physicians", bd(8), "tcmPhysicians", bd(9)), 2026))
                .extracting(FieldError::field, FieldError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("figures.tcmPhysicians", "at-most-physicians"));
    }

    @Test
    void namesEachBadFigureAndThePeriod() {
        var errors = ReportRules.check("2024-Q5", Map.of("physicians", bd(-1), "tcmPhysicians", new BigDecimal("1.5"),
                "beds", bd(3)), 2026);
        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("period", "figures.physicians", "figures.tcmPhysicians", "figures.beds");
        assertThat(ReportRules.check("2031", Map.of("physicians", bd(1)), 2026)).extracting(FieldError::rule)
                .containsExactly("not-in-future");
    }

    private static BigDecimal bd(long v) {
        return BigDecimal.valueOf(v);
    }
}
