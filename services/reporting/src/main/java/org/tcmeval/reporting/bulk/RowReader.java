package org.tcmeval.reporting.bulk;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of an upload read one at a time, as a job takes them, so that the first chunk is checked
 * while the rest of the file is still unread and only the chunks in flight are held as rows. A file
 * fault met on the way (syntax) is thrown as the 400 it is at intake, where the whole file is read.
 */
abstract class RowReader implements Iterator<JobChunks.Entry> {

    private JobChunks.Entry pending;
    private boolean ended;

    /** The next row of the file, or {@code null} after the last. */
    protected abstract JobChunks.Entry read();

    /** Passes over the next row, reading only its syntax; false after the last. */
    protected abstract boolean skip();

    /**
     * The rows left, read for their syntax only: the intake's check of the whole file, where a row's
     * own errors (a cell that is not a number) are the job's to report, not a 400.
     */
    final int count() {
        int n = pending == null ? 0 : 1;
        pending = null;
        while (!ended && skip()) {
            n++;
        }
        ended = true;
        return n;
    }

    @Override
    public final boolean hasNext() {
        if (pending == null && !ended) {
            pending = read();
            ended = pending == null;
        }
        return pending != null;
    }

    @Override
    public final JobChunks.Entry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        JobChunks.Entry e = pending;
        pending = null;
        return e;
    }

    /** A readable row, or the errors of an unreadable one. */
    static JobChunks.Entry entry(int row, BulkRow parsed, java.util.List<RowError> errors) {
        return errors.isEmpty() ? new JobChunks.Entry(row, parsed, null) : new JobChunks.Entry(row, null, errors);
    }
}
