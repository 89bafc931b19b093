package org.tcmeval.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The TCM_BENCH_* environment variables every service bench honours, read in one place so that the
 * benches cannot drift apart in what a knob means: extra JVM options for the service, a trim at the end
 * of a burst, the memory breakdown (with NMT on) and how long to idle before the settled RSS.
 */
public final class BenchKnobs {

    private BenchKnobs() {
    }

    /**
     * TCM_BENCH_JVM_OPTS, split on white space (empty when unset), e.g.
     * {@code -XX:StartFlightRecording=filename=/tmp/reporting.jfr,settings=profile}.
     */
    public static List<String> extraJvmOptions() {
        String extra = System.getenv("TCM_BENCH_JVM_OPTS");
        return extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    }

    /**
     * TCM_BENCH_TRIM_ON_END: what libs/service-support's {@code IdleHeapTrimmer.requestTrim()} does when
     * the service calls it at the end of a burst (a full collection, then malloc_trim), done from
     * outside through jcmd, to measure the hook before the service code calls it.
     */
    public static void trimOnEnd(long pid) throws IOException, InterruptedException {
        if (System.getenv("TCM_BENCH_TRIM_ON_END") != null) {
            long t0 = System.nanoTime();
            ProcessMemory.jcmd(pid, "GC.run");
            ProcessMemory.jcmd(pid, "System.trim_native_heap");
            System.out.printf("  trim at the end of the burst (jcmd GC.run + System.trim_native_heap): %.2f s%n",
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * With {@code -XX:NativeMemoryTracking=summary} in TCM_BENCH_JVM_OPTS: where the memory is (NMT
     * committed MB by category, heap committed/used) on one line; the full jcmd output goes to the work folder.
     */
    public static void printMemory(long pid, Path work, String when) throws IOException, InterruptedException {
        String opts = System.getenv("TCM_BENCH_JVM_OPTS");
        if (opts != null && opts.contains("NativeMemoryTracking")) {
            Path dump = work.resolve("memory-" + when + ".txt");
            System.out.printf("  memory %s: %s (%s)%n", when, ProcessMemory.breakdown(pid, dump), dump);
        }
    }

    /** Idle time before the settled RSS ({@code TCM_BENCH_SETTLE_SECONDS}, default 15). */
    public static int settleSeconds() {
        String s = System.getenv("TCM_BENCH_SETTLE_SECONDS");
        return s == null || s.isBlank() ? 15 : Integer.parseInt(s.strip());
    }

    /**
     * {@code TCM_BENCH_PG_STATEMENTS}: the bench's PostgreSQL loads pg_stat_statements at start
     * ({@link PostgresServer}), and the bench prints where the server's time went in its burst:
     * {@link #statementsReset} before, {@link #printStatements} after.
     */
    public static boolean pgStatements() {
        return System.getenv("TCM_BENCH_PG_STATEMENTS") != null;
    }

    /** Starts counting statements afresh (creates the extension in {@code c}'s database first); no-op without the knob. */
    public static void statementsReset(java.sql.Connection c) throws java.sql.SQLException {
        if (pgStatements()) {
            try (var s = c.createStatement()) {
                s.execute("create extension if not exists pg_stat_statements");
                s.execute("select pg_stat_statements_reset()");
            }
        }
    }

    /** The {@code n} statements that took the most execution time since the reset; no-op without the knob. */
    public static void printStatements(java.sql.Connection c, String what, int n) throws java.sql.SQLException {
        if (!pgStatements()) {
            return;
        }
        try (var s = c.createStatement(); var r = s.executeQuery("select calls, total_exec_time, total_plan_time, rows,"
                + " left(regexp_replace(query, '\\s+', ' ', 'g'), 150) from pg_stat_statements"
                + " order by total_exec_time desc limit " + n)) {
            System.out.printf("  statements of %s by PostgreSQL's execution time:%n", what);
            while (r.next()) {
                System.out.printf("    %6d calls %9.1f ms exec %7.1f ms plan %8d rows  %s%n", r.getLong(1),
                        r.getDouble(2), r.getDouble(3), r.getLong(4), r.getString(5));
            }
        }
    }
}
