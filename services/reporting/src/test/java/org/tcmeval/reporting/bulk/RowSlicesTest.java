package org.tcmeval.reporting.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tcmeval.support.problem.ProblemException;

/** A job's upload is parsed chunk by chunk as the job takes them, not as a whole before the first chunk. */
class RowSlicesTest {

    private static final int CHUNK = 2000;

    @Test
    void theFirstChunkComesBeforeTheEndOfACsvFileIsRead() throws Exception {
        // A fault at the very end (an unclosed quote): a parse of the whole file first would fail before any chunk.
        RowSlices slices = slices(ReportRows.Format.CSV, csv(5000) + "x,\"2024\r\n");
        List<JobChunks.Entry> first = slices.next().get(10, TimeUnit.SECONDS);
        assertThat(first).hasSize(CHUNK);
        assertThat(first.getFirst().row()).isEqualTo(2);
        assertThat(first.getLast().bulkRow().institutionId()).isEqualTo("i2000");
        assertThat(rule(slices)).isEqualTo("csv-syntax");
    }

    @Test
    void theFirstChunkComesBeforeTheEndOfAJsonBodyIsRead() throws Exception {
        StringBuilder body = new StringBuilder("{\"reports\": [");
        for (int i = 1; i <= 5000; i++) {
            body.append(i == 1 ? "" : ",").append("{\"institutionId\": \"i").append(i).append("\", \"period\": \"2024\"}");
        }
        RowSlices slices = slices(ReportRows.Format.JSON, body.append(", {\"period\": ").toString());
        List<JobChunks.Entry> first = slices.next().get(10, TimeUnit.SECONDS);
        assertThat(first).hasSize(CHUNK);
        assertThat(first.getLast().row()).isEqualTo(CHUNK);
        assertThat(rule(slices)).isEqualTo("json-syntax");
    }

    @Test
    void aRowErrorFarIntoTheFileKeepsItsRowNumberAndResumeSkipsTheRowsDone() throws Exception {
        String text = csv(4999).replace("i4321,2024,7", "i4321,2024,seven");
        assertThat(ReportRows.check(ReportRows.Format.CSV, text.getBytes(StandardCharsets.UTF_8))).isEqualTo(4999);
        RowSlices slices = slices(ReportRows.Format.CSV, text, CHUNK * 2);
        List<JobChunks.Entry> third = slices.next().get(10, TimeUnit.SECONDS);
        assertThat(third).hasSize(999);
        assertThat(third.getFirst().row()).isEqualTo(CHUNK * 2 + 2);
        JobChunks.Entry bad = third.stream().filter(e -> e.bulkRow() == null).findFirst().orElseThrow();
        assertThat(bad.row()).isEqualTo(4322);
        assertThat(bad.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(4322);
            assertThat(e.field()).isEqualTo("figures.physicians");
        });
        assertThat(slices.next().get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(slices.taken()).isEqualTo(4999);
    }

    @Test
    void aJsonReportThatIsNotAnObjectIsAnErrorOfItsRowAndTheRestIsRead() throws Exception {
        RowSlices slices = slices(ReportRows.Format.JSON, "{\"note\": {\"a\": [1]}, \"reports\": [null, 5, "
                + "{\"divisionCode\": \"450921\", \"period\": \"2024\"}], \"more\": true}");
        List<JobChunks.Entry> all = slices.next().get(10, TimeUnit.SECONDS);
        assertThat(all).extracting(JobChunks.Entry::row).containsExactly(1, 2, 3);
        assertThat(all.get(0).errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("*"));
        assertThat(all.get(1).errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("*"));
        assertThat(all.get(2).bulkRow().divisionCode()).isEqualTo("450921");
        assertThat(catchThrowable(() -> ReportRows.check(ReportRows.Format.JSON,
                "{\"reports\": []} []".getBytes(StandardCharsets.UTF_8)))).isInstanceOf(ProblemException.class);
    }

    private static String csv(int rows) {
        StringBuilder csv = new StringBuilder("\uFEFF机构ID,报告期,physicians\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append('i').append(i).append(",2024,7\r\n");
        }
        return csv.toString();
    }

    private static RowSlices slices(ReportRows.Format format, String text) {
        return slices(format, text, 0);
    }

    private static RowSlices slices(ReportRows.Format format, String text, int done) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return new RowSlices(() -> ReportRows.open(format, body), CHUNK, done);
    }

    /** The rule of the fault met further on (the file's later chunks). */
    private static String rule(RowSlices slices) throws Exception {
        Throwable fault = null;
        for (int i = 0; i < 5 && fault == null; i++) {
            fault = catchThrowable(() -> slices.next().get(10, TimeUnit.SECONDS));
        }
        assertThat(fault).isInstanceOf(ExecutionException.class).cause().isInstanceOf(ProblemException.class);
        return ((ProblemException) fault.getCause()).errors().getFirst().rule();
    }
}
