package org.tcmeval.reporting.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a CSV row's cells become a report: by their column, whatever the column order, in plain Java. */
class CsvRowsTest {

    @Test
    void cellsGoToTheirColumnsInAnyOrderAndEmptyCellsAreNotReported() {
        List<JobChunks.Entry> rows = read("tcmPhysicians,中医药适宜技术,统一社会信用代码,报告期,physicians,institutionId\r\n"
                + "2,ACU_A；ACU_B; ;ACU_C,12450902MB00000058,2024,8,\r\n"
                + ",,,2024-Q3,\"1,234\",3f0c1c1e-0000-4000-8000-000000000001\r\n");
        BulkRow first = rows.get(0).bulkRow();
        assertThat(rows.get(0).row()).isEqualTo(2);
        assertThat(first.uscc()).isEqualTo("12450902MB00000058");
        assertThat(first.institutionId()).isNull();
        assertThat(first.period()).isEqualTo("2024");
        // Both separators split, the blank entry between them is dropped.
        assertThat(first.techniques()).containsExactly("ACU_A", "ACU_B", "ACU_C");
        // Figures keep the file's column order.
        assertThat(first.figures()).containsExactly(Map.entry("tcmPhysicians", new BigDecimal("2")),
                Map.entry("physicians", new BigDecimal("8")));
        BulkRow second = rows.get(1).bulkRow();
        assertThat(second.institutionId()).isEqualTo("3f0c1c1e-0000-4000-8000-000000000001");
        assertThat(second.uscc()).isNull();
        assertThat(second.techniques()).isEmpty();
        // "1,234" is a thousands-grouped 1234; the empty tcmPhysicians cell is not a zero.
        assertThat(second.figures()).containsExactly(Map.entry("physicians", new BigDecimal("1234")));
    }

    @Test
    void aCellThatIsNotANumberAndAShiftedRowAreThatRowsErrors() {
        List<JobChunks.Entry> rows = read("uscc,period,physicians,tcmPhysicians\r\n"
                + "12450902MB00000058,2024,eight,1e5\r\n"
                + "12450902MB00000058,2024,8\r\n");
        assertThat(rows.get(0).bulkRow()).isNull();
        assertThat(rows.get(0).errors()).extracting(RowError::field, RowError::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("figures.physicians", "number"),
                org.assertj.core.groups.Tuple.tuple("figures.tcmPhysicians", "number"));
        assertThat(rows.get(1).errors()).extracting(RowError::row, RowError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "column-count"));
    }

    @Test
    void aFigureIsPlainDigitsWithAnOptionalSignFractionOrThousandsGroups() {
        assertThat(ReportRows.number("12")).isEqualByComparingTo("12");
        assertThat(ReportRows.number(" 12.50 ")).isEqualByComparingTo("12.5");
        assertThat(ReportRows.number("-3")).isEqualByComparingTo("-3");
        assertThat(ReportRows.number("1,234,567.5")).isEqualByComparingTo("1234567.5");
        for (String notANumber : List.of("", "-", ".5", "5.", "1e5", "+1", "1,23", "12a", "1.2.3", "１２", "--1")) {
            assertThat(ReportRows.number(notANumber)).as(notANumber).isNull();
        }
    }

    private static List<JobChunks.Entry> read(String csv) {
        List<JobChunks.Entry> out = new ArrayList<>();
        new CsvRows(csv).forEachRemaining(out::add);
        return out;
    }
}
