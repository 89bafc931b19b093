package org.tcmeval.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback port helpers: every server here binds 127.0.0.1 only. */
public final class Ports {

    private Ports() {
    }

    /** Below Linux's ephemeral range (32768-60999) and above the launcher's fixed ports. */
    static final int LOW = 20_000;
    static final int HIGH = 32_768;

    /**
     * Ports this JVM has handed out: a suite takes ~20 before any server binds them, and random picks
     * from ~12,800 would give two servers the same port in about one suite run in seventy.
     */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port that was free a moment ago on 127.0.0.1, below the ephemeral range: a port the kernel
     * chose (bind to 0) is one it also hands to outgoing connections, and a suite takes its ports
     * well before its servers bind them (a service binds its management port after it has connected
     * to PostgreSQL and Kafka), so one was taken by then now and again (BindException).
     */
    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException taken) {
                // Try another.
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
