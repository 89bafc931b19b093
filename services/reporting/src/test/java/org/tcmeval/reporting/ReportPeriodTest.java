package org.tcmeval.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    @Test
    void aYearAndAQuarterHaveTheirDays() {
        ReportPeriod q3 = ReportPeriod.parse("2024-Q3").orElseThrow();
        assertThat(q3.start()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(q3.end()).isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(ReportPeriod.parse("2024").orElseThrow().end()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(ReportPeriod.parse("2024-Q0")).isEmpty();
        assertThat(ReportPeriod.parse("24")).isEmpty();
    }

    @Test
    void onlyAYearOfThisCenturyOrOneOfItsFourQuartersIsAPeriod() {
        assertThat(ReportPeriod.parse("2000")).contains(new ReportPeriod(2000, null));
        assertThat(ReportPeriod.parse("2099-Q4")).contains(new ReportPeriod(2099, 4));
        assertThat(ReportPeriod.parse("2031-Q1")).contains(new ReportPeriod(2031, 1));
        for (String text : new String[] {"1999", "2100", "20a4", "2024-Q5", "2024-q3", "2024Q3", "2024-Q12", "2024-H1",
                " 2024", "2024 ", "", "２０２４", "2024-Q"}) {
            assertThat(ReportPeriod.parse(text)).as(text).isEmpty();
        }
        assertThat(ReportPeriod.parse(null)).isEmpty();
    }

    @Test
    void defaultWindowsFollowThePeriod() {
        // A year: the first quarter after it, 2025-01-01 .. 2025-03-31, both days inclusive.
        var annual = ReportPeriod.parse("2024").orElseThrow().defaultWindow();
        assertThat(annual.opensOn()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(annual.closesOn()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(annual.isOpenOn(LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(annual.isOpenOn(LocalDate.of(2025, 4, 1))).isFalse();
        assertThat(annual.isOpenOn(LocalDate.of(2024, 12, 31))).isFalse();
        // A quarter: the month after it, Q4 2024 -> 2025-01-01 .. 2025-01-31.
        var q4 = ReportPeriod.parse("2024-Q4").orElseThrow().defaultWindow();
        assertThat(q4.closesOn()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(q4.byDefault()).isTrue();
    }
}
