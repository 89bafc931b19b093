package org.tcmeval.reporting.bulk;

import java.time.Clock;
import org.tcmeval.support.outbox.OutboxRelay;

/** What one run of a job works with, whichever its mode ({@link WholeJob}, {@link GoodRowsJob}). */
record JobTools(Rows rows, JobChunks chunks, ChunkPipeline pipeline, BulkWriter writer, JobLease lease,
        OutboxRelay relay, Clock clock) {

    /** The job's upload read afresh, from the row after the {@code done} first ones. */
    interface Rows {
        RowSlices from(int done);
    }
}
