package org.tcmeval.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every mode of the embedded server keeps what it acknowledged: tests, command 1 and the suite alike. */
class PostgresServerTest {

    @Test
    void aThrowAwayClusterCommitsDurably() throws Exception {
        try (PostgresServer pg = PostgresServer.start(null, Ports.free())) {
            assertThat(settings(pg)).containsExactlyEntriesOf(expected());
        }
    }

    @Test
    void aClusterWithADataDirectoryCommitsDurably() throws Exception {
        Path dir = Files.createTempDirectory("tcm-pg-durable");
        try (PostgresServer pg = PostgresServer.start(dir.resolve("data"), Ports.free())) {
            assertThat(settings(pg)).containsExactlyEntriesOf(expected());
        }
    }

    /** SIGKILL of the postmaster, then a start on the same data: what was committed before the crash is there. */
    @Test
    void aKilledServerStartsAgainWithEverythingItAcknowledged() throws Exception {
        try (PostgresServer pg = PostgresServer.start(null, Ports.free())) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
                 Statement s = c.createStatement()) {
                s.execute("create table acknowledged (n int)");
                s.execute("insert into acknowledged select generate_series(1, 1000)");
            }
            long pid = pg.kill();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(pg.isRunning()).isFalse();
            assertThat(Ports.isOpen(pg.port())).isFalse();

            pg.start();
            assertThat(pg.postmasterPid()).isNotEqualTo(pid);
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from acknowledged")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1000);
            }
        }
    }

    private static Map<String, String> expected() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fsync", "on");
        m.put("synchronous_commit", "on");
        m.put("full_page_writes", "on");
        return m;
    }

    private static Map<String, String> settings(PostgresServer pg) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
             Statement s = c.createStatement()) {
            for (String name : expected().keySet()) {
                try (ResultSet rs = s.executeQuery("show " + name)) {
                    rs.next();
                    m.put(name, rs.getString(1));
                }
            }
        }
        return m;
    }
}
