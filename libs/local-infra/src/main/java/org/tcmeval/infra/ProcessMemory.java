package org.tcmeval.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of a running JVM as the benches report it (Linux): resident size now and at its peak,
 * and where it goes by the JVM's own account (Native Memory Tracking, heap), so a bench can print
 * the breakdown right after a burst and once settled without anyone typing jcmd at the right moment.
 */
public final class ProcessMemory {

    private static final Pattern NMT_CATEGORY =
            Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB[,)]", Pattern.MULTILINE);
    private static final Pattern NMT_TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB",
            Pattern.MULTILINE);
    private static final Pattern NMT_THREADS = Pattern.compile("\\(threads? #(\\d+)\\)");
    private static final Pattern NMT_METASPACE = Pattern.compile(
            "\\(\\s*(Metadata|Class space):\\s*\\)\\s*\\(\\s*reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern HEAP_USED = Pattern.compile("(?:generation|DefNew|Tenured)\\s+total (\\d+)K, used (\\d+)K");

    private ProcessMemory() {
    }

    /** Resident set now, in KB. */
    public static long rssKb(long pid) throws IOException {
        return status(pid, "VmRSS:");
    }

    /** Highest resident set since the start or the last {@link #resetPeak}, in KB. */
    public static long peakRssKb(long pid) throws IOException {
        return status(pid, "VmHWM:");
    }

    /**
     * Starts the peak over from the current resident set, so a burst's peak is its own and not
     * start-up's. False where the kernel does not allow it (then the peak is since the start).
     */
    public static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** Output of a diagnostic command of the JVM {@code pid} ({@code jcmd pid VM.native_memory summary}). */
    public static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String[] cmd = new String[command.length + 2];
        cmd[0] = jcmd;
        cmd[1] = Long.toString(pid);
        System.arraycopy(command, 0, cmd, 2, command.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /**
     * Committed KB by NMT category of a {@code VM.native_memory summary}, in its order, plus
     * {@code Total} and {@code threads} (the thread count, not KB); empty when NMT is off.
     */
    public static Map<String, Long> nmtCommittedKb(String summary) {
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher total = NMT_TOTAL.matcher(summary);
        if (total.find()) {
            out.put("Total", Long.parseLong(total.group(2)));
        }
        Matcher m = NMT_CATEGORY.matcher(summary);
        while (m.find()) {
            out.put(m.group(1).strip(), Long.parseLong(m.group(3)));
        }
        Matcher meta = NMT_METASPACE.matcher(summary);
        while (meta.find()) {
            out.put(meta.group(1).equals("Metadata") ? "metaspace" : "class space", Long.parseLong(meta.group(2)));
        }
        Matcher threads = NMT_THREADS.matcher(summary);
        if (threads.find()) {
            out.put("threads", Long.parseLong(threads.group(1)));
        }
        return out;
    }

    /** Heap committed and used, in KB, from a Serial GC {@code GC.heap_info}: [committed, used]. */
    public static long[] serialHeapKb(String heapInfo) {
        long[] out = new long[2];
        Matcher m = HEAP_USED.matcher(heapInfo);
        while (m.find()) {
            out[0] += Long.parseLong(m.group(1));
            out[1] += Long.parseLong(m.group(2));
        }
        return out;
    }

    /**
     * One line for a bench's output: RSS, then NMT committed MB by category (when NMT is on); the
     * full NMT summary and {@code GC.heap_info} are written to {@code dump} for the record.
     */
    public static String breakdown(long pid, Path dump) throws IOException, InterruptedException {
        StringBuilder line = new StringBuilder("RSS " + rssKb(pid) / 1024 + " MB");
        String nmt = jcmd(pid, "VM.native_memory", "summary");
        String heap = jcmd(pid, "GC.heap_info");
        Files.writeString(dump, nmt + "\n" + heap);
        long[] h = serialHeapKb(heap);
        line.append(", heap committed ").append(h[0] / 1024).append(" used ").append(h[1] / 1024);
        nmtCommittedKb(nmt).forEach((k, v) -> {
            // Categories under 1 MB (a dozen of them) would bury the ones that matter.
            if (k.equals("threads") || v >= 1024) {
                line.append(", ").append(k).append(' ').append(k.equals("threads") ? v : v / 1024);
            }
        });
        return line.toString();
    }
}
