package org.tcmeval.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (binaries from Maven Central via zonky) on 127.0.0.1, or the server
 * named by {@code TCM_PG_URL} ({@code postgresql://user:password@host:port}) when that is set.
 * The embedded server can be crashed ({@link #kill()}, SIGKILL of the postmaster) and started
 * again on the same data and port ({@link #start()}), as the fault suite does.
 */
public final class PostgresServer implements AutoCloseable {

    /**
     * A commit the server acknowledged survives a crash, in every mode: zonky's builder turns
     * synchronous_commit off by default, and a write acknowledged but then lost would break the
     * outbox's promise (state and event commit together or not at all) without any error.
     */
    static final java.util.Map<String, String> DURABLE = java.util.Map.of(
            "fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

    /** zonky's lock file in the data directory; see {@link #start()}. */
    private static final String ZONKY_LOCK = "epg-lock";

    private volatile EmbeddedPostgres embedded;
    private final Path dataDir;
    private final boolean throwAway;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresServer(Path dataDir, boolean throwAway, String host, int port, String user, String password) {
        this.dataDir = dataDir;
        this.throwAway = throwAway;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * @param dataDir where the cluster lives; {@code null} for a throw-away cluster
     */
    public static PostgresServer start(Path dataDir, int port) {
        String external = System.getenv("TCM_PG_URL");
        if (external != null && !external.isBlank()) {
            return external(external);
        }
        try {
            // A throw-away cluster still gets a directory of its own (deleted on close), so that a
            // crashed server can be started again on its data. It lives where zonky keeps its own,
            // whose start-up deletes those left behind by a JVM that was killed (unlocked, >10 min old).
            Path dir = dataDir != null ? dataDir : throwAwayDirectory();
            PostgresServer server = new PostgresServer(dir, dataDir == null, "127.0.0.1", port, "postgres", "postgres");
            server.embedded = server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /** A server started elsewhere ({@code postgresql://user:password@host:port}), used but never started or stopped. */
    public static PostgresServer external(String url) {
        var uri = java.net.URI.create(url);
        String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres", ""} : uri.getUserInfo().split(":", 2);
        return new PostgresServer(null, false, uri.getHost(), uri.getPort(), userInfo[0],
                userInfo.length > 1 ? userInfo[1] : "");
    }

    private static Path throwAwayDirectory() throws IOException {
        Path zonky = Path.of(System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
        Files.createDirectories(zonky);
        return Files.createDirectory(zonky.resolve(java.util.UUID.randomUUID().toString()));
    }

    private EmbeddedPostgres launch() throws IOException {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // Crash recovery replays the WAL first; on a busy 2-core machine that can take a while.
                .setPGStartupWait(Duration.ofSeconds(60))
                .setDataDirectory(dataDir).setCleanDataDirectory(false);
        DURABLE.forEach(b::setServerConfig);
        if (BenchKnobs.pgStatements()) {
            b.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        return b.start();
    }

    /**
     * Crashes the server as the kernel's OOM killer would: SIGKILL to the postmaster, no checkpoint,
     * no shutdown. Its backends notice and exit on their own; this waits until they have (those
     * that linger are killed too), since a new postmaster refuses to start while any of them still
     * holds the old shared memory.
     *
     * @return the pid of the postmaster that was killed
     */
    public long kill() {
        requireEmbedded();
        long pid = postmasterPid();
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("postmaster " + pid + " is not running"));
        List<ProcessHandle> backends = postmaster.children().toList();
        postmaster.destroyForcibly();
        awaitExit(postmaster, Duration.ofSeconds(10));
        for (ProcessHandle b : backends) {
            if (!awaitExit(b, Duration.ofSeconds(10))) {
                b.destroyForcibly();
                awaitExit(b, Duration.ofSeconds(5));
            }
        }
        return pid;
    }

    /**
     * Starts the server again on the same data directory and port after {@link #kill()}: PostgreSQL
     * recovers from its WAL what it acknowledged before the crash.
     */
    public synchronized void start() {
        requireEmbedded();
        // Releases zonky's lock on the data directory; its pg_ctl stop fails on a dead server and says so.
        closeQuietly(embedded);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                // A start that failed leaves zonky's lock held by an object nobody can close; a fresh
                // lock file lets the next attempt lock again. Nothing else uses this directory.
                Files.deleteIfExists(dataDir.resolve(ZONKY_LOCK));
                embedded = launch();
                return;
            } catch (IOException | RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL did not start again on " + dataDir, e);
                }
                Processes.sleep(500);
            }
        }
    }

    /** The postmaster's process id, from the first line of {@code postmaster.pid}. */
    public long postmasterPid() {
        requireEmbedded();
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.pid in " + dataDir, e);
        }
    }

    /** Whether a postmaster of this server is running. */
    public boolean isRunning() {
        try {
            return embedded != null && ProcessHandle.of(postmasterPid()).map(ProcessHandle::isAlive).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Creates the databases if missing; one database per service keeps their schemas apart. */
    public void createDatabases(List<String> names) {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement s = c.createStatement()) {
            for (String name : names) {
                var rs = s.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "") + "'");
                boolean exists = rs.next();
                rs.close();
                if (!exists) {
                    s.execute("create database \"" + name.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases " + names, e);
        }
    }

    /** A new JDBC connection to {@code database} as the server's user; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /**
     * The first column of the first row of {@code sql} (a count) on a connection of its own, or 0 while
     * the query fails (the table a bench waits on is not migrated yet, the server is restarting).
     */
    public long count(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException notYet) {
            return 0;
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (throwAway) {
                deleteTree(dataDir);
            }
        }
    }

    private void requireEmbedded() {
        if (embedded == null) {
            throw new IllegalStateException("not an embedded server (TCM_PG_URL is set)");
        }
    }

    private static boolean awaitExit(ProcessHandle p, Duration timeout) {
        try {
            p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !p.isAlive();
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            // already dead: nothing to stop
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp directory left behind is harmless
        }
    }
}
