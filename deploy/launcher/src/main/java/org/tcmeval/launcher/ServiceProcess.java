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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tcmeval.infra.Processes;

/**
 * One of the four services, run from its packaged Quarkus app as its own JVM. It can be crashed
 * ({@link #kill()}) and started again with the same settings ({@link #start()}); the log of every
 * run is appended to the same file.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private volatile Process process;

    private ServiceProcess(String name, int port, List<String> command, Map<String, String> env, Path log) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.env = env;
        this.log = log;
    }

    /**
     * @param app the service's {@code target/quarkus-app} folder
     * @param env settings the service reads ({@code TCM_*}); everything else keeps its defaults
     */
    public static ServiceProcess start(String name, Path app, int port, Map<String, String> env, Path logDir) {
        Path jar = app.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn -DskipTests install)");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            Files.deleteIfExists(log);
            List<String> cmd = List.of(Processes.javaBinary(), "-Xms64m", "-Xmx384m",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
            ServiceProcess s = new ServiceProcess(name, port, cmd, Map.copyOf(env), log);
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
            process = pb.start();
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

    /** Waits until {@code /q/health/ready} answers 200 (database migrated, Kafka reachable). */
    public ServiceProcess awaitReady(Duration timeout) {
        URI ready = URI.create(url() + "/q/health/ready");
        Processes.awaitCondition(name, timeout, process, log, () -> readiness(ready) == 200);
        return this;
    }

    /** The status {@code /q/health/ready} answers now: 200 ready, 503 not ready, -1 no answer (not listening). */
    public int readiness() {
        return readiness(URI.create(url() + "/q/health/ready"));
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

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(15));
    }
}
