package org.tcmeval.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL server (binaries from Maven Central via zonky) on 127.0.0.1, or the server
 * named by {@code TCM_PG_URL} ({@code postgresql://user:password@host:port}) when that is set.
 */
public final class PostgresServer implements AutoCloseable {

    /**
     * A commit the server acknowledged survives a crash, in every mode: zonky's builder turns
     * synchronous_commit off by default, and a write acknowledged but then lost would break the
     * outbox's promise (state and event commit together or not at all) without any error.
     */
    static final java.util.Map<String, String> DURABLE = java.util.Map.of(
            "fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this.embedded = embedded;
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
            var uri = java.net.URI.create(external);
            String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres", ""} : uri.getUserInfo().split(":", 2);
            return new PostgresServer(null, uri.getHost(), uri.getPort(), userInfo[0],
                    userInfo.length > 1 ? userInfo[1] : "");
        }
        try {
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200");
            DURABLE.forEach(b::setServerConfig);
            if (dataDir != null) {
                b.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new PostgresServer(b.start(), "127.0.0.1", port, "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
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
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
