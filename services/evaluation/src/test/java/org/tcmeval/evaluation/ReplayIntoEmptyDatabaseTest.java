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
 * report-submitted) from the beginning.
 *
 * <p>Self-contained (issue 8 item 3): {@link ReplayScenario} publishes a history of its own before the
 * service starts (a profile revised, a population corrected, a report corrected, one returned), and the
 * replay must end with the results worked out by hand for it. Run with the module's other
 * {@code @QuarkusTest} classes, the topics also hold everything they published and the {@code evaluation}
 * database what their run stored (a test profile restarts Quarkus, and Quarkus orders profiled classes
 * after the plain ones): the replay must then also end with exactly those results, sums and
 * contributions. The scenario's year is left out of that comparison, since that run never saw it.
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
            return List.of(new TestResourceEntry(InfraResource.class, Map.of("database", REPLAY, "attach", "true")),
                    new TestResourceEntry(ReplayScenario.class));
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
                   condition_text, cast(actual_figures as text), population, population_source
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
        // What the module's other tests stored, if they ran in this JVM (empty when this class runs alone).
        Map<String, String> original = exceptScenario(snapshotIfMigrated(ORIGINAL, RESULTS));
        Map<String, String> originalSums = exceptScenario(snapshotIfMigrated(ORIGINAL, SUMS));
        Map<String, String> originalContributions = exceptScenario(snapshotIfMigrated(ORIGINAL, CONTRIBUTIONS));
        // The replay has caught up when it stores what the original stored and the scenario's results are
        // what the hand-worked history says; a difference that lasts is a bug.
        long deadline = System.nanoTime() + 180_000_000_000L;
        Map<String, String> replayed = Map.of();
        while (System.nanoTime() < deadline) {
            replayed = exceptScenario(snapshot(REPLAY, RESULTS));
            if (replayed.equals(original) && exceptScenario(snapshot(REPLAY, SUMS)).equals(originalSums)
                    && exceptScenario(snapshot(REPLAY, CONTRIBUTIONS)).equals(originalContributions)
                    && openJobs(REPLAY) == 0 && scenarioResults().equals(EXPECTED_SCENARIO)) {
                break;
            }
            Thread.sleep(1_000);
        }
        System.out.printf("MEASURE: %d results, %d sums rows and %d contributions of other tests compared after"
                + " replay, and %d of the scenario%n", original.size(), originalSums.size(),
                originalContributions.size(), scenarioResults().size());
        assertThat(scenarioResults()).as("the scenario's results after replay").isEqualTo(EXPECTED_SCENARIO);
        assertSame("results", original, replayed);
        assertSame("sums", originalSums, exceptScenario(snapshot(REPLAY, SUMS)));
        assertSame("contributions", originalContributions, exceptScenario(snapshot(REPLAY, CONTRIBUTIONS)));
    }

    /**
     * 宾阳县 in 2040 after its whole history, worked out by hand (status | value | numerator | denominator |
     * profile | units decided | units expected | population | source):
     * <ul>
     *   <li>TCM physician ratio: A's corrected and approved 4 of 8 counts, B's returned report does not:
     *       4 / 8 = 50% against the county profile's revision 2 (>= 20%, not revision 1's 40%): MET; 1 of the
     *       2 operating centres decided = 50%, not below the minimum 50%;</li>
     *   <li>TCM GP density: 30 GPs over the registry's corrected 400,000 residents (the report has none):
     *       30 / 400,000 * 10,000 = 0.75 per 10,000, above Guangxi's 0.4..0.7: NOT_MET.</li>
     * </ul>
     */
    static final Map<String, String> EXPECTED_SCENARIO = Map.of(
            "TCM_PHYSICIAN_RATIO", "MET|50|4|8|" + ReplayScenario.PROFILE + "|1|2|null|null|",
            "TCM_GP_DENSITY", "NOT_MET|0.75|30|400000|guangxi-2022|1|1|400000|REGISTRY|");

    static Map<String, String> scenarioResults() throws SQLException {
        Map<String, String> all = snapshot(REPLAY, "select indicator_code, status, value, numerator, denominator,"
                + " profile_id, units_decided, units_expected, population, population_source from indicator_result"
                + " where unit_id = '" + ReplayScenario.COUNTY + "' and year = " + ReplayScenario.YEAR
                + " and indicator_code in ('TCM_PHYSICIAN_RATIO', 'TCM_GP_DENSITY')");
        return all;
    }

    /** Rows of every year but the scenario's (the third part of each key is the year). */
    static Map<String, String> exceptScenario(Map<String, String> rows) {
        Map<String, String> kept = new TreeMap<>(rows);
        kept.keySet().removeIf(k -> k.split("/")[2].equals(String.valueOf(ReplayScenario.YEAR)));
        return kept;
    }

    /** {@link #snapshot}, or nothing when no service ever migrated the database (this class ran alone). */
    static Map<String, String> snapshotIfMigrated(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select to_regclass('public.indicator_result') is not null")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return Map.of();
            }
        }
        return snapshot(database, sql);
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
