package org.tcmeval.reporting.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.events.Topics;
import org.tcmeval.support.outbox.OutboxRelay;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TopicReader;

/**
 * Two runners, as two reporting instances would run, on real PostgreSQL: a job is run by one of
 * them only, and when that one stops mid-job (as its process would die, keeping its lease) the other
 * takes the job over once the lease has run out and finishes it, every row stored once with one
 * event. The application's own runner is off; the two runners here use chunks of 3 rows and a lease
 * of 2 s.
 */
@QuarkusTest
@TestProfile(ReportJobResumeTest.RunnerOff.class)
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ReportJobLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(2);

    @Inject
    Vertx vertx;

    @Inject
    BulkReports bulk;

    @Inject
    BulkWriter writer;

    @Inject
    Clock clock;

    @Inject
    AgroalDataSource database;

    @Inject
    OutboxRelay relay;

    @Test
    void aGoodRowsJobWhoseRunnerStopsIsFinishedByTheOtherAfterItsLease() throws Exception {
        List<String> counties = counties("4597", 12);
        ReportJobRunner first = runner();
        ReportJobRunner second = runner();
        try {
            // 12 rows in chunks of 3: the first runner commits chunks 1 and 2 (rows 1-6) and stops before chunk 3.
            first.haltAfter(2);
            String location = accept(counties, "mode=good-rows");
            first.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(first::halted);
            JsonPath job = get(location);
            assertThat(job.getString("state")).isEqualTo("RUNNING");
            assertThat(job.getInt("rowsDone")).isEqualTo(6);
            assertThat(count("select count(*) from report where reporter_id = any(?)", counties)).isEqualTo(6);

            // The lease is still the first runner's: the second finds nothing to claim.
            second.start();
            Thread.sleep(300);
            assertThat(get(location).getInt("rowsDone")).isEqualTo(6);
            assertThat(owner(location)).isEqualTo(ownerOf(first));

            second.poll();
            job = ReportJobTest.finished(location);
            assertThat(job.getString("state")).isEqualTo("COMPLETED");
            // 6 rows by the first runner + 6 by the second, none twice.
            assertThat(job.getInt("created")).isEqualTo(12);
            assertThat(job.getInt("rowsDone")).isEqualTo(12);
            assertStoredOnce(counties, location);
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void anAllOrNothingJobWhoseRunnerStopsLeavesNothingAndIsRunAgainByTheOther() throws Exception {
        List<String> counties = counties("4598", 10);
        ReportJobRunner first = runner();
        ReportJobRunner second = runner();
        try {
            // 10 rows in chunks of 3: chunks 1 and 2 (rows 1-6) are written into the open transaction, then the runner stops.
            first.haltAfter(2);
            String location = accept(counties, null);
            first.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(first::halted);
            assertThat(get(location).getString("state")).isEqualTo("RUNNING");
            // Its transaction rolled back: nothing of the six rows it wrote is visible, no event exists.
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> count("select count(*) from report where "
                    + "reporter_id = any(?)", counties) == 0);
            assertThat(count("select count(*) from outbox_event where record_key = any(?)", counties)).isZero();

            second.poll();
            JsonPath job = ReportJobTest.finished(location);
            assertThat(job.getString("state")).isEqualTo("COMPLETED");
            assertThat(job.getInt("created")).isEqualTo(10);
            assertStoredOnce(counties, location);
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void aRowRepeatingAReporterFiledBeforeTheTakeoverIsARowErrorNotARevision() throws Exception {
        // Row 8 (chunk 3, run by the second runner) repeats row 2's county (chunk 1, committed by the first).
        List<String> counties = counties("4596", 12);
        counties.set(7, counties.get(1));
        ReportJobRunner first = runner();
        ReportJobRunner second = runner();
        try {
            first.haltAfter(2);
            String location = accept(counties, "mode=good-rows");
            first.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(first::halted);
            assertThat(get(location).getInt("rowsDone")).isEqualTo(6);

            second.poll();
            JsonPath job = ReportJobTest.finished(location);
            assertThat(job.getString("state")).isEqualTo("COMPLETED");
            assertThat(job.getInt("created")).isEqualTo(11);
            assertThat(job.getInt("revised")).isZero();
            assertThat(job.getInt("unchanged")).isZero();
            assertThat(job.getInt("rowsFailed")).isEqualTo(1);
            given().auth().oauth2(ReportJobTest.PLATFORM).accept(io.restassured.http.ContentType.JSON)
                    .get(job.getString("errors")).then().statusCode(200)
                    .body("row", equalTo(List.of(8))).body("[0].rule", equalTo("unique-in-file"))
                    .body("[0].field", equalTo("divisionCode"));
            // Row 2's report keeps the figures it was filed with: one version, one event.
            List<String> repeated = List.of(counties.get(1));
            assertThat(count("select count(*) from report_version v join report r on r.id = v.report_id "
                    + "where r.reporter_id = any(?)", repeated)).isEqualTo(1);
            assertThat(eventIds(repeated)).containsOnlyKeys(repeated).allSatisfy((county, ids) -> assertThat(ids).hasSize(1));
            assertThat(count("select count(*) from report_version v join report r on r.id = v.report_id "
                    + "where r.reporter_id = any(?) and v.figures ->> 'residentPopulation' = '100001'", repeated))
                    .isEqualTo(1);
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void aReportFiledByAnotherWriterAfterTheChunkWasCheckedIsRevisedByTheRetriedChunk() throws Exception {
        // Six rows in chunks of 3. Chunk 2 (rows 4-6) is checked ahead with no report for row 5's county;
        // before it is written another writer files that report. The chunk's insert then breaks the
        // (reporter, period) key, and the chunk is checked again and written as a revision of it.
        List<String> counties = counties("4594", 6);
        ReportJobRunner runner = runner();
        AtomicInteger chunk = new AtomicInteger();
        runner.beforeEachChunk(() -> {
            if (chunk.incrementAndGet() == 2) {
                fileDirectly(counties.get(4));
            }
        });
        try {
            String location = accept(counties, "mode=good-rows", 100_000);
            runner.start();
            JsonPath job = ReportJobTest.finished(location);
            assertThat(job.getString("state")).isEqualTo("COMPLETED");
            assertThat(job.getInt("created")).isEqualTo(5);
            assertThat(job.getInt("revised")).isEqualTo(1);
            assertThat(job.getInt("rowsFailed")).isZero();
            List<String> raced = List.of(counties.get(4));
            assertThat(count("select count(*) from report where reporter_id = any(?)", counties)).isEqualTo(6);
            // The other writer's version 1 (7 residents) and the job's version 2 (row 5: 100,000 + 4).
            assertThat(count("select count(*) from report r join report_version v on v.report_id = r.id and "
                    + "v.version = r.current_version where r.reporter_id = any(?) and r.current_version = 2 "
                    + "and v.figures ->> 'residentPopulation' = '100004'", raced)).isEqualTo(1);
            assertThat(count("select count(*) from report_version v join report r on r.id = v.report_id "
                    + "where r.reporter_id = any(?)", counties)).isEqualTo(7);
            // One event per county: the job's; the report filed directly published none.
            assertThat(eventIds(counties)).containsOnlyKeys(counties).allSatisfy((c, ids) -> assertThat(ids).hasSize(1));
        } finally {
            runner.stop();
        }
    }

    @Test
    void aRevisionRacedByADecisionAfterTheChunkWasCheckedIsWrittenOnTopOfIt() throws Exception {
        // A second job revises six reports in chunks of 3. After chunk 2 was checked (it saw revision 1
        // of row 5's report), a review decision moves that report to revision 2; the chunk's update,
        // pinned to revision 1, then changes 2 of 3 rows, and the chunk is checked again and written.
        List<String> counties = counties("4593", 6);
        ReportJobRunner runner = runner();
        AtomicInteger chunk = new AtomicInteger();
        try {
            String first = accept(counties, "mode=good-rows", 100_000);
            runner.start();
            assertThat(ReportJobTest.finished(first).getInt("created")).isEqualTo(6);
            runner.beforeEachChunk(() -> {
                if (chunk.incrementAndGet() == 2) {
                    execute("update report set revision = revision + 1, status = 'RETURNED' where reporter_id = ?",
                            counties.get(4));
                }
            });
            String location = accept(counties, "mode=good-rows", 200_000);
            runner.start();
            JsonPath job = ReportJobTest.finished(location);
            assertThat(job.getString("state")).isEqualTo("COMPLETED");
            assertThat(job.getInt("revised")).isEqualTo(6);
            assertThat(job.getInt("rowsFailed")).isZero();
            // Every report is at version 2; row 5's at revision 3 (1 filed, 2 the decision, 3 the job's version).
            assertThat(count("select count(*) from report where reporter_id = any(?) and current_version = 2 "
                    + "and revision = 2 and status = 'SUBMITTED'", counties)).isEqualTo(5);
            assertThat(count("select count(*) from report where reporter_id = any(?) and current_version = 2 "
                    + "and revision = 3 and status = 'SUBMITTED'", List.of(counties.get(4)))).isEqualTo(1);
            assertThat(count("select count(*) from report_version v join report r on r.id = v.report_id "
                    + "where r.reporter_id = any(?)", counties)).isEqualTo(12);
        } finally {
            runner.stop();
        }
    }

    /** Files a 2024 county report as another writer would, with version 1 of 7 residents, and no event. */
    private void fileDirectly(String county) {
        execute("with r as (insert into report (id, reporter_kind, reporter_id, division_code, period, year, "
                + "current_version, status, revision, first_submitted_at, created_at, updated_at) values "
                + "(gen_random_uuid(), 'COUNTY', ?, ?, '2024', 2024, 1, 'SUBMITTED', 1, now(), now(), now()) "
                + "returning id) insert into report_version (report_id, version, figures, status, submitted_by, "
                + "submitted_at) select id, 1, '{\"residentPopulation\": 7}', 'SUBMITTED', 'another-writer', now() "
                + "from r", county, county);
    }

    private void execute(String sql, String... parameters) {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath get(String location) {
        return given().auth().oauth2(ReportJobTest.PLATFORM).get(location).then().statusCode(200).extract().jsonPath();
    }

    /**
     * One report, one version, one row result and one event per county, and every event on Kafka: the
     * topic has each report under exactly one event id.
     */
    private void assertStoredOnce(List<String> counties, String location) throws SQLException {
        int n = counties.size();
        assertThat(count("select count(*) from report where reporter_id = any(?)", counties)).isEqualTo(n);
        assertThat(count("select count(*) from report_version v join report r on r.id = v.report_id "
                + "where r.reporter_id = any(?)", counties)).isEqualTo(n);
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(count("select count(*) from report_job_result where job_id = cast(? as uuid)", id)).isEqualTo(n);
        Map<String, Set<String>> eventIds = eventIds(counties);
        assertThat(eventIds).containsOnlyKeys(counties);
        eventIds.forEach((county, ids) -> assertThat(ids).as(county).hasSize(1));
    }

    /**
     * The ids of the report-submitted events of these county reporters on Kafka, once the outbox has
     * sent them all (the relay deletes what Kafka acknowledged). A redelivery repeats an id; a second
     * enqueue of the same report would add one.
     */
    private Map<String, Set<String>> eventIds(List<String> counties) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from outbox_event "
                + "where record_key = any(?)", counties) == 0);
        Map<String, Set<String>> eventIds = new HashMap<>();
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.REPORT_SUBMITTED)) {
            for (var r : reader.readToEnd(Duration.ofSeconds(30))) {
                EventEnvelope<ReportSubmitted> e = EventJson.read(r.value(), ReportSubmitted.class);
                if (counties.contains(e.data().reporterId())) {
                    eventIds.computeIfAbsent(e.data().reporterId(), k -> new HashSet<>()).add(e.id());
                }
            }
        }
        return eventIds;
    }

    private ReportJobRunner runner() {
        ReportJobRunner r = new ReportJobRunner();
        r.vertx = vertx;
        r.bulk = bulk;
        r.writer = writer;
        r.clock = clock;
        r.relay = relay;
        r.config = new ReportJobConfig() {
            public long maxBytes() {
                return 1 << 20;
            }

            public int chunkRows() {
                return 3;
            }

            public boolean run() {
                return true;
            }

            public Duration lease() {
                return LEASE;
            }
        };
        return r;
    }

    private static List<String> counties(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(prefix + String.format("%02d", i));
        }
        return out;
    }

    /** Accepts a job of one 2024 county report per code (the application's runner is off, so it stays QUEUED). */
    private static String accept(List<String> counties, String query) {
        return accept(counties, query, 100_000);
    }

    /** As above, row i (from 0) reporting {@code base + i} residents. */
    private static String accept(List<String> counties, String query, int base) {
        StringBuilder body = new StringBuilder("{\"reports\": [");
        for (int i = 0; i < counties.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"divisionCode\": \"").append(counties.get(i))
                    .append("\", \"period\": \"2024\", \"figures\": {\"residentPopulation\": ").append(base + i)
                    .append("}}");
        }
        return ReportJobTest.post(ReportJobTest.PLATFORM, "application/json", body.append("]}").toString(), query).then()
                .statusCode(202).body("state", equalTo("QUEUED")).extract().header("Location");
    }

    private String owner(String location) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "select lease_owner from report_job where id = cast(? as uuid)")) {
            s.setString(1, location.substring(location.lastIndexOf('/') + 1));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static String ownerOf(ReportJobRunner runner) {
        return runner.owner();
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter instanceof List<?> list) {
                s.setArray(1, c.createArrayOf("text", list.toArray()));
            } else {
                s.setString(1, (String) parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
