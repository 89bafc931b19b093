package org.tcmeval.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;

/**
 * Replay (issue 8 item 7): the service started again on an empty database, with consumer groups of its
 * own, reads every topic it consumes (institution-changed, division-changed, catalog-changed,
 * report-submitted) from the beginning, and ends with exactly the results, sums and contributions the
 * original run stored. The original run is what this module's other {@code @QuarkusTest} classes left
 * in the {@code evaluation} database: a test profile restarts Quarkus, and Quarkus orders profiled
 * classes after the plain ones, so those have finished by then (run alone, this test says so and fails).
 */
@QuarkusTest
@TestProfile(ReplayIntoEmptyDatabaseTest.EmptyDatabase.class)
class ReplayIntoEmptyDatabaseTest {

    static final String ORIGINAL = "evaluation";
    static final String REPLAY = "evaluation_replay";

    /** The same service on a new database, consuming every topic again from its start. */
    public static class EmptyDatabase implements QuarkusTestProfile {
        /** The shared servers, but the replay's own database (the other classes' resource names theirs). */
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(InfraResource.class, Map.of("database", REPLAY, "attach", "true")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("mp.messaging.incoming.evaluation-inputs.group.id", "evaluation-replay-inputs");
            config.put("mp.messaging.incoming.institution-changed.group.id", "evaluation-replay-institutions");
            config.put("mp.messaging.incoming.division-changed.group.id", "evaluation-replay-divisions");
            return config;
        }
    }

    /**
     * A result as a reader sees it (sequence and time left out: they count the changes on the way). A
     * NO_DATA or NO_TARGET row with nothing decided and zero sums says what no row says (the scorecard
     * judges a missing result on reading, expected units included), and only the original run can have
     * one: a report later returned wrote it, and a replay that reads only the newest revision never does.
     */
    static final String RESULTS = """
            select unit_id || '/' || indicator_code || '/' || year, scope, status, value, numerator, denominator,
                   comparator, threshold, upper_bound, profile_id, units_decided, units_expected, completeness, reason,
                   condition_text, cast(actual_figures as text)
            from indicator_result
            where not (status in ('NO_DATA', 'NO_TARGET') and units_decided = 0 and coalesce(numerator, 0) = 0
                       and coalesce(denominator, 0) = 0)
            """;
    /** Sums that add up to nothing are what a missing row means too (every unit withdrawn). */
    static final String SUMS = """
            select division_code || '/' || indicator_code || '/' || year || '/' || filter_key, numerator, denominator,
                   units, excluded, missing_facts, registry_population_units
            from division_sums
            where numerator <> 0 or denominator <> 0 or units <> 0 or excluded <> 0 or missing_facts <> 0
                  or registry_population_units <> 0
            """;
    static final String CONTRIBUTIONS = """
            select unit_id || '/' || indicator_code || '/' || year || '/' || filter_key, divisions, numerator,
                   denominator, units, excluded, missing_facts, registry_population_units
            from unit_contribution
            """;

    @Test
    void replayingEveryTopicIntoAnEmptyDatabaseStoresTheSameResults() throws Exception {
        Map<String, String> original = snapshot(ORIGINAL, RESULTS);
        assertThat(original).as("results of the original run (run this with the module's other tests)").isNotEmpty();
        // The replay has caught up when it stores what the original stored; a difference that lasts is a bug.
        long deadline = System.nanoTime() + 180_000_000_000L;
        Map<String, String> replayed = Map.of();
        while (System.nanoTime() < deadline) {
            replayed = snapshot(REPLAY, RESULTS);
            if (replayed.equals(original) && snapshot(REPLAY, SUMS).equals(snapshot(ORIGINAL, SUMS))
                    && snapshot(REPLAY, CONTRIBUTIONS).equals(snapshot(ORIGINAL, CONTRIBUTIONS))
                    && openJobs(REPLAY) == 0) {
                break;
            }
            Thread.sleep(1_000);
        }
        System.out.printf("MEASURE: %d results, %d sums rows and %d contributions compared after replay%n",
                original.size(), snapshot(ORIGINAL, SUMS).size(), snapshot(ORIGINAL, CONTRIBUTIONS).size());
        assertSame("results", original, replayed);
        assertSame("sums", snapshot(ORIGINAL, SUMS), snapshot(REPLAY, SUMS));
        assertSame("contributions", snapshot(ORIGINAL, CONTRIBUTIONS), snapshot(REPLAY, CONTRIBUTIONS));
    }

    /** Every key that differs, with both rows, so a failure names the rows rather than two large maps. */
    static void assertSame(String what, Map<String, String> original, Map<String, String> replayed) {
        Map<String, String> differing = new TreeMap<>();
        TreeSet<String> keys = new TreeSet<>(original.keySet());
        keys.addAll(replayed.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(original.get(k), replayed.get(k))) {
                differing.put(k, "original " + original.get(k) + " | replayed " + replayed.get(k));
            }
        }
        assertThat(differing).as(what + " that differ after replay").isEmpty();
    }

    static long openJobs(String database) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from rejudge_job where phase <> 'DONE'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** First column the key; the rest normalised (numbers without trailing zeros). */
    static Map<String, String> snapshot(String database, String sql) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 2; i <= columns; i++) {
                    Object v = rs.getObject(i);
                    row.append(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v))
                            .append('|');
                }
                rows.put(rs.getString(1), row.toString());
            }
        }
        return rows;
    }

    static Connection connect(String database) throws SQLException {
        Map<String, String> ds = InfraResource.datasource(database);
        return DriverManager.getConnection(ds.get("quarkus.datasource.jdbc.url"), ds.get("quarkus.datasource.username"),
                ds.get("quarkus.datasource.password"));
    }
}
