package org.tcmeval.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcmeval.evaluation.Counting.Rule;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.targets.Indicators;

/** The counting rule and computability, plain JUnit. */
class CountingTest {

    static ReportSubmitted event(int version, int revision, String status, int tcm) {
        return new ReportSubmitted("r", version, revision, "INSTITUTION", "i", "i", "THC", "450902100", 2024, "2024",
                status, Map.of("tcmPhysicians", BigDecimal.valueOf(tcm)), List.of(), OffsetDateTime.now(),
                OffsetDateTime.now());
    }

    static BigDecimal counted(Rule rule, ReportRef ref) {
        return Counting.counted(rule, ref).map(f -> f.get("tcmPhysicians")).orElse(null);
    }

    @Test
    void approvedFiguresCountUntilACorrectionIsApprovedAndAReturnWithdraws() {
        ReportRef ref = new ReportRef();
        Counting.apply(ref, event(1, 1, "SUBMITTED", 2));
        assertThat(counted(Rule.APPROVED, ref)).isNull();
        assertThat(counted(Rule.LATEST_SUBMITTED, ref)).isEqualByComparingTo("2");
        Counting.apply(ref, event(1, 2, "APPROVED", 2));
        assertThat(counted(Rule.APPROVED, ref)).isEqualByComparingTo("2");
        Counting.apply(ref, event(2, 3, "SUBMITTED", 5));
        assertThat(counted(Rule.APPROVED, ref)).isEqualByComparingTo("2");         // v1 still counts
        assertThat(counted(Rule.LATEST_SUBMITTED, ref)).isEqualByComparingTo("5");
        Counting.apply(ref, event(2, 4, "APPROVED", 5));
        assertThat(counted(Rule.APPROVED, ref)).isEqualByComparingTo("5");
        Counting.apply(ref, event(2, 5, "RETURNED", 5));
        assertThat(counted(Rule.APPROVED, ref)).isNull();
        assertThat(counted(Rule.LATEST_SUBMITTED, ref)).isNull();
        Counting.apply(ref, event(3, 6, "SUBMITTED", 6));                          // resubmitted after return
        assertThat(counted(Rule.APPROVED, ref)).isNull();
        assertThat(counted(Rule.LATEST_SUBMITTED, ref)).isEqualByComparingTo("6");
    }

    @Test
    void everyIndicatorReadsOnlyFiguresAFormCollects() {
        assertThat(Indicators.ALL).allSatisfy(i -> assertThat(Scoring.notComputedReason(i)).as(i.code()).isEmpty());
        var uncollected = Indicators.TCM_PHYSICIAN_RATIO.withUnitFilter(
                org.tcmeval.targets.Condition.NONE).withUnitFilter(Indicators.TCM_CORNER.perUnitRule());
        // hasTcmCorner is on the CHSS / village-clinic form only, never on a CHSC/THC form.
        assertThat(Scoring.notComputedReason(uncollected)).hasValueSatisfying(r -> assertThat(r)
                .startsWith("NOT_COLLECTED: 'hasTcmCorner'"));
    }
}
