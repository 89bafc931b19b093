package org.tcmeval.reporting.bulk;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a runner has stopped as if its process had died, and the chunk budget with which tests
 * make it stop mid-job (the takeover tests): once stopped it keeps its lease and stores nothing more.
 */
final class Halt {

    /** The runner stopped as if its process had died: it keeps its lease and stores nothing more. */
    static final class Halted extends RuntimeException {
        Halted() {
            super("the report job runner was halted");
        }
    }

    private final Runnable stop;
    /** Chunks the runner may still start before it stops; negative: no limit. */
    private final AtomicInteger chunksBeforeHalt = new AtomicInteger(-1);
    private volatile boolean halted;
    private volatile Runnable beforeEach = () -> {
    };

    /** @param stop what stops the runner (called once the budget is spent) */
    Halt(Runnable stop) {
        this.stop = stop;
    }

    void after(int chunks) {
        chunksBeforeHalt.set(chunks);
    }

    /** Runs {@code hook} before each chunk is written, after it was checked (tests: a change racing the write). */
    void beforeEach(Runnable hook) {
        beforeEach = hook;
    }

    void set() {
        halted = true;
    }

    boolean halted() {
        return halted;
    }

    /** Called before each chunk: stops the runner when the budget is spent (or it was stopped). */
    void checkpoint() {
        if (halted || chunksBeforeHalt.getAndUpdate(n -> n > 0 ? n - 1 : n) == 0) {
            stop.run();
            throw new Halted();
        }
        beforeEach.run();
    }
}
