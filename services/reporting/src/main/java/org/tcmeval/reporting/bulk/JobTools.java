package org.tcmeval.reporting.bulk;

import java.time.Clock;
import org.tcmeval.support.outbox.OutboxRelay;

/** What one run of a job works with, whichever its mode ({@link WholeJob}, {@link GoodRowsJob}). */
record JobTools(JobChunks chunks, ChunkPipeline pipeline, BulkWriter writer, JobLease lease, OutboxRelay relay,
        Clock clock) {
}
