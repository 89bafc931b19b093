package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every reported figure has an upper bound, so that 9223372036854775808 or 1e400 is refused. */
class ReportFieldBoundsTest {

    static Stream<ReportField> all() {
        return Stream.of(ReportField.ALL, ReportField.COUNTY_FIGURES, ReportField.JURISDICTION_FIGURES)
                .flatMap(java.util.List::stream);
    }

    @Test
    void eachKindHasItsBound() {
        assertThat(ReportField.PHYSICIANS.max()).isEqualByComparingTo("100000");
        assertThat(ReportField.HAS_TCM_DEPT.max()).isEqualByComparingTo("1");
        assertThat(ReportField.TCM_VISIT_SHARE.max()).isEqualByComparingTo("100");
        assertThat(ReportField.TCM_HEALTH_SERVICE_SCALE.max()).isEqualByComparingTo("1000000");
    }

    @Test
    void populationsAndVisitsHaveLargerBounds() {
        assertThat(ReportField.RESIDENT_POPULATION.max()).isEqualByComparingTo("2000000000");
        assertThat(ReportField.COUNTY_RESIDENT_POPULATION.max()).isEqualByComparingTo("2000000000");
        assertThat(ReportField.ELDERLY_RESIDENTS.max()).isEqualByComparingTo("2000000000");
        assertThat(ReportField.VISITS.max()).isEqualByComparingTo("1000000000");
        assertThat(ReportField.TCM_VISITS.max()).isEqualByComparingTo("1000000000");
        assertThat(ReportField.PUBLIC_TCM_HOSPITAL_BEDS.max()).isEqualByComparingTo("10000000");
    }

    @Test
    void noValueBeyondReasonPassesAnyField() {
        BigDecimal longOverflow = new BigDecimal("9223372036854775808");
        BigDecimal huge = new BigDecimal("1e400");
        all().forEach(f -> {
            assertThat(f.exceedsMax(longOverflow)).as(f.name()).isTrue();
            assertThat(f.exceedsMax(huge)).as(f.name()).isTrue();
            assertThat(f.exceedsMax(f.max())).as(f.name()).isFalse();
            assertThat(f.exceedsMax(BigDecimal.ZERO)).as(f.name()).isFalse();
        });
        assertThat(ReportField.PHYSICIANS.exceedsMax(new BigDecimal("100001"))).isTrue();
    }

    @Test
    void aPartIsNeverBoundAboveItsWhole() {
        all().filter(f -> f.atMost() != null).forEach(f -> {
            ReportField whole = ReportField.byName(f.reporter(), f.atMost()).orElseThrow();
            assertThat(f.max()).as(f.name()).isLessThanOrEqualTo(whole.max());
        });
    }

    @Test
    void aBoundThatContradictsTheKindIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReportField("x", "x", "x", ReportField.Kind.FLAG, null,
                Reporter.INSTITUTION, new BigDecimal("2"))).withMessageContaining("max");
        assertThatIllegalArgumentException().isThrownBy(() -> new ReportField("x", "x", "x", ReportField.Kind.COUNT, null,
                Reporter.INSTITUTION, new BigDecimal("0"))).withMessageContaining("max");
        assertThatIllegalArgumentException().isThrownBy(() -> new ReportField("x", "x", "x", ReportField.Kind.COUNT, null,
                Reporter.INSTITUTION, null));
    }
}
