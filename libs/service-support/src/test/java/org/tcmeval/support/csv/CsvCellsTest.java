package org.tcmeval.support.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void cellsASpreadsheetWouldRunAreQuoted() {
        assertThat(CsvCells.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvCells.neutralise("+1")).isEqualTo("'+1");
        assertThat(CsvCells.neutralise("-1+2")).isEqualTo("'-1+2");
        assertThat(CsvCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvCells.neutralise("玉州区=卫生院")).isEqualTo("玉州区=卫生院");
        assertThat(CsvCells.neutralise("")).isEmpty();
        assertThat(CsvCells.neutralise(null)).isNull();
    }

    @Test
    void restoreIsTheExactInverse() {
        for (String cell : List.of("=1", "+1", "-1", "@a", "\t=1", "'", "'=1", "''x", "'abc", "a'b", "plain", "")) {
            assertThat(CsvCells.restore(CsvCells.neutralise(cell))).as(cell).isEqualTo(cell);
        }
        // A hand-made file's leading quote before ordinary text is kept.
        assertThat(CsvCells.restore("'abc")).isEqualTo("'abc");
    }
}
