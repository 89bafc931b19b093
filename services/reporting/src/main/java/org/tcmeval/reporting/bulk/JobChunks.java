package org.tcmeval.reporting.bulk;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.tcmeval.support.security.Jurisdiction;

/** A job's chunks of rows in file order ({@link RowSlices}), each checked by {@link BulkReports} as one set. */
final class JobChunks {

    /** A row of the file: readable ({@code bulkRow}) or not ({@code errors}). */
    record Entry(int row, BulkRow bulkRow, List<RowError> errors) {
    }

    private final BulkReports bulk;
    private final int chunkRows;
    private final Halt halt;

    JobChunks(BulkReports bulk, int chunkRows, Halt halt) {
        this.bulk = bulk;
        this.chunkRows = chunkRows;
        this.halt = halt;
    }

    int chunkRows() {
        return chunkRows;
    }

    /** Called before each chunk: stops the runner when a test has it halt here. */
    void checkpoint() {
        halt.checkpoint();
    }

    /** The outcome of each row of a chunk, in row order; unreadable rows are refused with their errors. */
    Uni<List<BulkReports.Outcome>> screen(List<Entry> part, Jurisdiction jurisdiction, Set<String> seen) {
        List<BulkRow> rows = part.stream().filter(e -> e.bulkRow() != null).map(Entry::bulkRow).toList();
        List<BulkReports.Outcome> unreadable = part.stream().filter(e -> e.bulkRow() == null)
                .map(e -> (BulkReports.Outcome) new BulkReports.Refused(e.row(), e.errors())).toList();
        return bulk.screen(rows, jurisdiction, seen).map(outcomes -> {
            List<BulkReports.Outcome> all = new ArrayList<>(outcomes);
            all.addAll(unreadable);
            all.sort(Comparator.comparingInt(BulkReports.Outcome::row));
            return all;
        });
    }
}
