package org.tcmeval.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportDiffTest {

    @Test
    void listsChangedAddedAndRemovedFieldsButNotEqualNumbers() {
        var changes = ReportDiff.between(
                Map.of("physicians", new BigDecimal("8"), "tcmPhysicians", new BigDecimal("2"), "visits", new BigDecimal("10")),
                Map.of("physicians", new BigDecimal("8.0"), "tcmPhysicians", new BigDecimal("3"), "hasTcmClinicArea",
                        BigDecimal.ONE));
        assertThat(changes).containsOnlyKeys("hasTcmClinicArea", "tcmPhysicians", "visits");
        assertThat(changes.get("tcmPhysicians").from()).isEqualByComparingTo("2");
        assertThat(changes.get("tcmPhysicians").to()).isEqualByComparingTo("3");
        assertThat(changes.get("visits").to()).isNull();
        assertThat(changes.get("hasTcmClinicArea").from()).isNull();
    }
}
