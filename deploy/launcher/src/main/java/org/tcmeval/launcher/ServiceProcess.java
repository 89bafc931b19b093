package org.tcmeval.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.tcmeval.infra.Processes;

/**
 * One of the four services, run from its packaged Quarkus app as its own JVM. It can be crashed
 * ({@link #kill()}) and started again with the same settings ({@link #start()}), or
 * {@linkplain #supervise() supervised}: started again by itself whenever it dies. The log of every
 * run is appended to the same file.
 */
public final class ServiceProcess implements AutoCloseable {

    /** A run that lasted this long was healthy: the next crash is restarted at once. */
    static final Duration STABLE = Duration.ofSeconds(60);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /**
     * The JVM options of every service, here, in the benches (bench/reporting, bench/evaluation read
     * this list) and in docker-compose.yml, so what is measured is what runs. Four services,
     * PostgreSQL, Kafka and Keycloak share a small machine: each service must stay under 300 MB
     * resident, also right after a burst. The heap is not most of that: ~195 MB is not heap and the
     * same before and after a burst: classes (metaspace, class space, class-data archive, symbols:
     * 135 MB for 21,400 classes), 18-24 MB of code, ~24 MB of mapped libraries, 3 MB of stacks
     * (docs/memory.md has the breakdown). So the heap must be under ~100 MB when RSS is read.
     * <ul>
     * <li>{@code -Xms32m -Xmx192m}: a service starts small. 192 MB because evaluation's scorecard of
     * a province judged on reading under another profile keeps ~130 MB live: at 128 MB it died of
     * OutOfMemoryError, at 160 MB it ran full collection after full collection. The bursts need less:
     * reporting's all-or-nothing job of the demo year completes at 128 MB (~80 MB live at its peak).
     * Serial GC grows the old generation with promoted garbage up to this cap instead of collecting
     * it, so the cap is what a burst costs: RSS at the peak of reporting's job 480 MB at 320 MB,
     * 383 at 192, 360 at 160, 337 at 128, of evaluation's burst 438 at 320, 413 at 256, 371 at 192;
     * the bursts' CPU did not follow the cap (reporting 7.3-9.3 CPU-s, evaluation 11-12.7, at loads
     * 11-30). The price is that read: at 192 MB ~3 CPU-s of collections each (at 256 MB half that).
     * <li>{@code -XX:+UseSerialGC}: G1's concurrent work nearly doubled the CPU of a bulk job on two
     * shared cores. Serial GC gives heap back only after a full collection, which a quiet service asks
     * for itself (libs/service-support {@code IdleHeapTrimmer}, 5 s after a burst, or at once when
     * the code that ran the burst calls {@code requestTrim()}).
     * <li>{@code -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30}: after a full collection the heap
     * keeps 10-30% free rather than 40-70%.
     * <li>{@code -XX:-ShrinkHeapInSteps}: without it Serial GC shrinks the heap by 0% of the excess
     * at the first full collection, 10% at the second, 40% at the third and all of it only at the
     * fourth, so one full collection after a burst gave nothing back (320 MB stayed 309 MB committed;
     * with it 89 MB, for 43 MB live).
     * <li>{@code -XX:TieredStopAtLevel=1}: C1 only; C2 costs memory and CPU at start-up that these
     * processes rarely earn back, and C1 code fits the 64 MB code cache
     * ({@code -XX:ReservedCodeCacheSize=64m}; 18-24 MB is used).
     * <li>{@code -XX:MaxMetaspaceSize=192m} turns a class-loading leak into an error instead of a
     * slowly growing process.
     * <li>{@code -Djdk.nio.maxCachedBufferSize=262144}: the JDK keeps, per thread, a direct buffer as
     * large as the largest socket read or write from a heap buffer it served (Kafka's clients read
     * whole fetch responses so), for good. Larger ones are now freed after use: direct memory after a
     * burst 8 -> 2 MB in reporting, 13 -> 2 MB in evaluation, no measurable CPU.
     * </ul>
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:-ShrinkHeapInSteps", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m", "-Djdk.nio.maxCachedBufferSize=262144");

    /**
     * Environment of every service JVM: glibc otherwise keeps an arena of up to 64 MB per thread
     * that ever allocated natively (Netty, Kafka's compression, the JIT), which shows up as RSS. What
     * the two arenas keep after native code freed it is handed back by the idle heap trim
     * ({@code System.trim_native_heap}, glibc's malloc_trim) when the service goes quiet: ~18 MB
     * after reporting's bulk job.
     */
    public static final Map<String, String> JVM_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** {@code java} followed by {@link #JVM_OPTIONS}: the start of a service's command line. */
    public static List<String> javaCommand(String java) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(JVM_OPTIONS);
        return cmd;
    }

    private final String name;
    private final int port;
    private final int managementPort;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private volatile Process process;
    private volatile Instant launchedAt;
    private volatile boolean supervised;
    private volatile boolean closing;
    private int quickCrashes;
    private int restarts;

    private ServiceProcess(String name, int port, int managementPort, List<String> command, Map<String, String> env,
            Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.command = command;
        this.env = env;
        this.log = log;
    }

    /**
     * @param app the service's {@code target/quarkus-app} folder
     * @param port the API port, {@code managementPort} the port of health and metrics; {@code env} must set both
     * @param env settings the service reads ({@code TCM_*}); everything else keeps its defaults
     */
    public static ServiceProcess start(String name, Path app, int port, int managementPort, Map<String, String> env,
            Path logDir) {
        Path jar = app.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn -DskipTests install)");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            Files.deleteIfExists(log);
            List<String> cmd = javaCommand(Processes.javaBinary());
            cmd.addAll(List.of("-jar", jar.toString()));
            Map<String, String> all = new HashMap<>(JVM_ENVIRONMENT);
            all.putAll(env);
            ServiceProcess s = new ServiceProcess(name, port, managementPort, List.copyOf(cmd), Map.copyOf(all), log);
            s.launch();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            process = p;
            launchedAt = Instant.now();
            p.onExit().thenRun(() -> exited(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the service again after it exited (crashed or killed), with the same settings and port. */
    public synchronized ServiceProcess start() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        launch();
        return this;
    }

    /**
     * From now on a process that exits without {@link #close()} (a crash, the OOM killer, kill -9)
     * is started again with the same settings: at once, unless it keeps dying within
     * {@link #STABLE} of its start; then after a pause that doubles with every such crash
     * ({@link #backoff}), so a service that cannot start (say, its database is gone) does not spin.
     */
    public ServiceProcess supervise() {
        supervised = true;
        if (!process.isAlive()) {
            exited(process);
        }
        return this;
    }

    /** How many times the supervisor has started the service again. */
    public synchronized int restarts() {
        return restarts;
    }

    private synchronized void exited(Process p) {
        if (!supervised || closing || p != process) {
            return;
        }
        Duration lived = Duration.between(launchedAt, Instant.now());
        quickCrashes = lived.compareTo(STABLE) >= 0 ? 0 : quickCrashes + 1;
        Duration delay = backoff(quickCrashes);
        System.err.printf("%s (pid %d) exited with code %d after %d s; starting it again%s%n", name, p.pid(),
                p.exitValue(), lived.toSeconds(), delay.isZero() ? "" : " in " + delay.toSeconds() + " s");
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(() -> restartAfter(p));
    }

    /** No pause for a first crash; then 1 s, 2 s, 4 s ... up to {@link #MAX_BACKOFF} while it keeps dying young. */
    static Duration backoff(int quickCrashes) {
        if (quickCrashes <= 1) {
            return Duration.ZERO;
        }
        Duration d = Duration.ofSeconds(1L << Math.min(quickCrashes - 2, 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private synchronized void restartAfter(Process exited) {
        // Closed meanwhile, or started by someone else (start()): nothing to do.
        if (closing || exited != process) {
            return;
        }
        restarts++;
        try {
            launch();
        } catch (RuntimeException e) {
            // Nothing would notice otherwise: the failed start has no process whose exit brings us back.
            System.err.printf("%s could not be started again: %s%n", name, e);
        }
    }

    /** Crashes the service: SIGKILL of its JVM, no shutdown hooks, nothing flushed. Waits until it is gone. */
    public synchronized void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} (management port) answers 200 (database migrated, Kafka reachable). */
    public ServiceProcess awaitReady(Duration timeout) {
        URI ready = URI.create(managementUrl() + "/q/health/ready");
        // A supervised service that dies is started again, so its exit is no reason to stop waiting.
        Processes.awaitCondition(name, timeout, supervised ? null : process, log, () -> readiness(ready) == 200);
        return this;
    }

    /** The status {@code /q/health/ready} answers now: 200 ready, 503 not ready, -1 no answer (not listening). */
    public int readiness() {
        return readiness(URI.create(managementUrl() + "/q/health/ready"));
    }

    private static final HttpClient HEALTH = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private static int readiness(URI ready) {
        try {
            return HEALTH.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Health ({@code /q/health}) and metrics ({@code /q/metrics}); the API port answers 404 for them. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        closing = true;
        Processes.stop(process, Duration.ofSeconds(15));
    }
}
