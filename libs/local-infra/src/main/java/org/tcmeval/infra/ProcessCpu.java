package org.tcmeval.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of a process as the benches report it (Linux, /proc): a service's user + system seconds
 * around a burst, PostgreSQL's with its backends, and the load average next to them. Lives here once
 * because every bench that divides work by CPU time had its own /proc/pid/stat parsing.
 */
public final class ProcessCpu {

    /** USER_HZ: /proc/pid/stat counts clock ticks of 1/100 s on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** User + system CPU seconds of {@code pid} so far. */
    public static double seconds(long pid) throws IOException {
        long[] t = ticks(pid);
        return (t[0] + t[1]) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds of {@code pid}, its live children and the children that exited and were waited for
     * (cutime, cstime): for PostgreSQL, the postmaster with every backend a burst used, so the service's
     * share is not read as the whole cost when the rest is SQL.
     */
    public static double withChildrenSeconds(long pid) throws IOException {
        long[] t = ticks(pid);
        double total = (t[2] + t[3]) / TICKS_PER_SECOND + (t[0] + t[1]) / TICKS_PER_SECOND;
        for (ProcessHandle child : ProcessHandle.of(pid).map(h -> h.children().toList()).orElse(List.of())) {
            try {
                total += seconds(child.pid());
            } catch (IOException gone) {
                // exited between the listing and the read: counted in the parent's children's time
            }
        }
        return total;
    }

    /** The 1-minute load average as /proc/loadavg prints it (e.g. "2.31"). */
    public static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** utime, stime, cutime, cstime in ticks. */
    private static long[] ticks(long pid) throws IOException {
        return ticks(Files.readString(Path.of("/proc/" + pid + "/stat")));
    }

    /** Fields 14-17 of a /proc/pid/stat line, counted after the command name (which may hold spaces). */
    static long[] ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
    }
}
