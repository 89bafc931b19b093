package org.tcmeval.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Starting, waiting for and stopping child processes, so that none is left behind. Servers do not
 * register shutdown hooks of their own: whoever owns several stops them in order (services before
 * the broker they leave their consumer groups on), from a single hook.
 */
public final class Processes {

    private Processes() {
    }

    /** The java launcher of this JVM: the one that already satisfied the JDK 21+ requirement. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static void awaitCondition(String what, Duration timeout, Process process, Path log, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + " before it was ready; "
                        + "last lines of " + log + ":\n" + tail(log, 40));
            }
            sleep(100);
        }
        throw new IllegalStateException(what + " was not ready within " + timeout + "; last lines of " + log + ":\n"
                + tail(log, 40));
    }

    /** Stops a process and all its descendants (kc.sh stays the parent of Keycloak's java). */
    public static void stop(Process process, Duration grace) {
        if (process == null) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        var descendants = handle.descendants().toList();
        handle.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle d : descendants) {
                d.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }

    public static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no log)";
            }
            var all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public static boolean logContains(Path file, String text) {
        try {
            return Files.exists(file) && Files.readString(file).contains(text);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
