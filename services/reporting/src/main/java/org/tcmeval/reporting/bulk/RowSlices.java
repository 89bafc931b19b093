package org.tcmeval.reporting.bulk;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A job's upload cut into chunks as it is parsed, on a worker thread: taking a chunk starts parsing
 * the one after it, so the checks of the first chunk start after one chunk's parse, not the whole
 * file's, and memory holds the chunks in flight, not every parsed row. Chunks are cut one after
 * another (each cut starts when the one before has ended), so the reader is never used by two
 * threads at once.
 */
final class RowSlices {

    private final Supplier<Iterator<JobChunks.Entry>> open;
    private final int chunkRows;
    private int skip;
    private Iterator<JobChunks.Entry> rows;
    private volatile int taken;
    private CompletableFuture<List<JobChunks.Entry>> ahead;

    /** @param skip rows already done (a good-rows job taken over after committed chunks) */
    RowSlices(Supplier<Iterator<JobChunks.Entry>> open, int chunkRows, int skip) {
        this.open = open;
        this.chunkRows = chunkRows;
        this.skip = skip;
    }

    /** The next chunk of rows in file order, empty after the last; the one after it is parsed meanwhile. */
    synchronized CompletableFuture<List<JobChunks.Entry>> next() {
        CompletableFuture<List<JobChunks.Entry>> mine = ahead != null ? ahead
                : CompletableFuture.supplyAsync(this::cut, Infrastructure.getDefaultWorkerPool());
        ahead = mine.thenApplyAsync(part -> part.isEmpty() ? part : cut(), Infrastructure.getDefaultWorkerPool());
        return mine;
    }

    /** Rows read so far, skipped ones included: every row of the file once the last chunk was taken. */
    int taken() {
        return taken;
    }

    private List<JobChunks.Entry> cut() {
        if (rows == null) {
            rows = open.get();
        }
        for (; skip > 0 && rows.hasNext(); skip--) {
            rows.next();
            taken++;
        }
        List<JobChunks.Entry> part = new ArrayList<>(chunkRows);
        while (part.size() < chunkRows && rows.hasNext()) {
            part.add(rows.next());
        }
        taken += part.size();
        return part;
    }
}
