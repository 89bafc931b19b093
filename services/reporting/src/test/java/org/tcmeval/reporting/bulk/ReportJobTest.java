package org.tcmeval.reporting.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.events.Topics;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;
import org.tcmeval.testing.TopicReader;
import org.tcmeval.testing.TopicWriter;

/**
 * Bulk report jobs over real HTTP, PostgreSQL and Kafka. The test clock is 2025-02-15, so 2024's
 * default window is open.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ReportJobTest {

    static final String PLATFORM = TestTokens.tokenOf("platform-p", "45", "platform-integration");
    static final String YUZHOU = TestTokens.tokenOf("reviewer-y", "450902", "county-reviewer");
    static final String REPORTER = TestTokens.tokenOf("reporter-r", "450902", "institution-reporter");
    static final AtomicInteger SERIAL = new AtomicInteger();

    record Inst(String id, String uscc, String registrationNumber) {
    }

    /** Institutions of Yuzhou (450902) with a USCC and a registration number, known to reporting. */
    static List<Inst> institutions(int n, InstitutionType type) {
        List<Inst> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            int serial = SERIAL.incrementAndGet();
            String uscc = String.format("12450902T%08dX", Math.abs(id.hashCode() % 100_000_000)).substring(0, 17)
                    + (char) ('A' + serial % 20);
            String registration = "PDY" + id.substring(0, 8).toUpperCase() + serial;
            TopicWriter.send(Topics.INSTITUTION_CHANGED, id, EventEnvelope.of("/institution-registry",
                    EventTypes.INSTITUTION_CHANGED, id, InstitutionChanged.VERSION, new InstitutionChanged(id, 0,
                            "玉州区测试机构" + serial, type, "450902100", "450902", LocalDate.of(1998, 6, 1), null, uscc,
                            registration, "PUBLIC", null, null)));
            out.add(new Inst(id, uscc, registration));
        }
        awaitKnown(out);
        return out;
    }

    /** Reporting learns institutions from Kafka: a dry run tells when it knows all of them. */
    static void awaitKnown(List<Inst> institutions) {
        StringBuilder json = new StringBuilder("{\"reports\": [");
        for (int i = 0; i < institutions.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"institutionId\": \"").append(institutions.get(i).id())
                    .append("\", \"period\": \"2024\", \"figures\": {\"physicians\": 1}}");
        }
        json.append("]}");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonPath job = finished(post(PLATFORM, "application/json", json.toString(), "dryRun=true")
                    .then().statusCode(202).extract().header("Location"));
            List<String> rules = given().auth().oauth2(PLATFORM).get(job.getString("errors")).then().statusCode(200)
                    .extract().jsonPath().getList("rule");
            return !rules.contains("known-institution");
        });
    }

    static Response post(String token, String contentType, String body, String query) {
        return post(token, contentType, body.getBytes(StandardCharsets.UTF_8), query);
    }

    static Response post(String token, String contentType, byte[] body, String query) {
        return given().auth().oauth2(token).contentType(contentType).body(body)
                .post("/api/v1/report-jobs" + (query == null ? "" : "?" + query));
    }

    /** Polls the job until it has finished. */
    static JsonPath finished(String location) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = given().auth().oauth2(PLATFORM).get(location).then().statusCode(200).extract().jsonPath();
            return Set.of("COMPLETED", "REJECTED", "FAILED").contains(last[0].getString("state"));
        });
        return last[0];
    }

    static JsonPath run(String token, String contentType, String body, String query) {
        String location = post(token, contentType, body, query).then().statusCode(202)
                .header("Location", containsString("/api/v1/report-jobs/")).body("state", equalTo("QUEUED"))
                .extract().header("Location");
        return finishedAs(token, location);
    }

    static JsonPath finishedAs(String token, String location) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = given().auth().oauth2(token).get(location).then().statusCode(200).extract().jsonPath();
            return Set.of("COMPLETED", "REJECTED", "FAILED").contains(last[0].getString("state"));
        });
        return last[0];
    }

    static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    @Test
    void csvWithBomAndChineseHeadersFilesEveryRowAndPublishesIt() {
        List<Inst> inst = institutions(3, InstitutionType.THC);
        String body = "\uFEFF" + csv("统一社会信用代码,登记号,机构ID,报告期,医师总数,中医类别医师数,中医药适宜技术",
                inst.get(0).uscc() + ",,,2024,8,2,",
                "," + inst.get(1).registrationNumber() + ",,2024,10,\"3\",",
                ",," + inst.get(2).id() + ",2024,\"1,200\",7,");
        JsonPath job = run(PLATFORM, "text/csv; charset=UTF-8", body, null);
        assertThat(job.getString("state")).isEqualTo("COMPLETED");
        assertThat(job.getInt("rowsTotal")).isEqualTo(3);
        assertThat(job.getInt("rowsDone")).isEqualTo(3);
        assertThat(job.getInt("created")).isEqualTo(3);
        assertThat(job.getInt("rowsFailed")).isZero();
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.REPORT_SUBMITTED)) {
            var first = EventJson.read(reader.await(r -> inst.get(0).id().equals(reporter(r)), Duration.ofSeconds(30)).value(),
                    ReportSubmitted.class).data();
            assertThat(first.figures().get("tcmPhysicians")).isEqualByComparingTo("2");
            assertThat(first.techniqueItems()).isEmpty();
            assertThat(first.status()).isEqualTo("SUBMITTED");
            assertThat(first.revision()).isEqualTo(1);
            var third = EventJson.read(reader.await(r -> inst.get(2).id().equals(reporter(r)), Duration.ofSeconds(30)).value(),
                    ReportSubmitted.class).data();
            assertThat(third.figures().get("physicians")).isEqualByComparingTo("1200");
        }
        List<String> created = given().auth().oauth2(PLATFORM).get(job.getString("errors").replace("/errors", "/reports"))
                .then().statusCode(200).body("row", equalTo(List.of(2, 3, 4)))
                .body("outcome", equalTo(List.of("CREATED", "CREATED", "CREATED"))).body("revision", equalTo(List.of(1, 1, 1)))
                .extract().jsonPath().getList("reportId");
        // The same file again changes nothing; changed figures add a version that goes back to review.
        JsonPath again = run(PLATFORM, "text/csv", body, null);
        assertThat(again.getInt("unchanged")).isEqualTo(3);
        given().auth().oauth2(PLATFORM).get(again.getString("errors").replace("/errors", "/reports")).then()
                .statusCode(200).body("outcome", equalTo(List.of("UNCHANGED", "UNCHANGED", "UNCHANGED")))
                .body("reportId", equalTo(created));
        assertThat(again.getInt("created") + again.getInt("revised")).isZero();
        JsonPath changed = run(PLATFORM, "text/csv", csv("uscc,period,physicians,tcmPhysicians",
                inst.get(0).uscc() + ",2024,8,3"), null);
        assertThat(changed.getInt("revised")).isEqualTo(1);
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.REPORT_SUBMITTED)) {
            var revised = EventJson.read(reader.await(r -> inst.get(0).id().equals(reporter(r))
                    && EventJson.read(r.value(), ReportSubmitted.class).data().version() == 2, Duration.ofSeconds(30))
                    .value(), ReportSubmitted.class).data();
            assertThat(revised.revision()).isEqualTo(2);
            assertThat(revised.figures().get("tcmPhysicians")).isEqualByComparingTo("3");
        }
    }

    @Test
    void techniqueItemsAreCheckedAgainstTheCatalogueAndCountedAsForASingleReport() {
        org.tcmeval.reporting.technique.TechniqueDirectoryTest.publish("00", "JOBTEST_ACU", 1, "针刺类",
                org.tcmeval.reporting.technique.TechniqueDirectoryTest.item("JOBTEST_ACU_A", "毫针"),
                org.tcmeval.reporting.technique.TechniqueDirectoryTest.item("JOBTEST_ACU_B", "耳针"));
        org.tcmeval.reporting.technique.TechniqueDirectoryTest.publish("00", "JOBTEST_MOX", 1, "灸类",
                org.tcmeval.reporting.technique.TechniqueDirectoryTest.item("JOBTEST_MOX_A", "悬灸"));
        List<Inst> inst = institutions(2, InstitutionType.THC);
        String header = "统一社会信用代码,报告期,医师总数,中医药适宜技术";
        // An unknown code is a row error naming the item; the catalogue's items pass once the projection has them.
        JsonPath unknown = run(PLATFORM, "text/csv", csv(header, inst.get(1).uscc() + ",2024,8,JOBTEST_ACU_A;GUESSED"),
                null);
        assertThat(unknown.getString("state")).isEqualTo("REJECTED");
        given().auth().oauth2(PLATFORM).accept(ContentType.JSON).get(unknown.getString("errors")).then().statusCode(200)
                .body("[0].row", equalTo(2)).body("[0].rule", equalTo("known-technique-item"));
        String body = csv(header, inst.get(0).uscc() + ",2024,8,JOBTEST_ACU_B;JOBTEST_MOX_A;JOBTEST_ACU_A");
        // A dry run completes even when rows break rules; it is the row count that says the projection has the items.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath dry = run(PLATFORM, "text/csv", body, "dryRun=true");
            return "COMPLETED".equals(dry.getString("state")) && dry.getInt("rowsFailed") == 0;
        });
        assertThat(run(PLATFORM, "text/csv", body, null).getString("state")).isEqualTo("COMPLETED");
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.REPORT_SUBMITTED)) {
            var filed = EventJson.read(reader.await(r -> inst.get(0).id().equals(reporter(r)), Duration.ofSeconds(30))
                    .value(), ReportSubmitted.class).data();
            // 毫针 and 耳针 are 针刺类, 悬灸 is 灸类: 2 classes, 3 items.
            assertThat(filed.figures().get("techniqueClasses")).isEqualByComparingTo("2");
            assertThat(filed.figures().get("techniqueItems")).isEqualByComparingTo("3");
            assertThat(filed.techniqueItems()).containsExactly("JOBTEST_ACU_A", "JOBTEST_ACU_B", "JOBTEST_MOX_A");
        }
    }

    @Test
    void aShiftedColumnIsARowErrorAndAllOrNothingStoresNothingWhileGoodRowsStoresTheRest() {
        List<Inst> inst = institutions(3, InstitutionType.CHSC);
        String body = csv("institutionId,period,physicians,tcmPhysicians",
                inst.get(0).id() + ",2024,6,2",
                inst.get(1).id() + ",2024,2024,6,2",          // one value too many: shifted
                inst.get(2).id() + ",6,2024,2");               // period and figure swapped
        JsonPath rejected = run(PLATFORM, "text/csv", body, null);
        assertThat(rejected.getString("state")).isEqualTo("REJECTED");
        assertThat(rejected.getInt("rowsFailed")).isEqualTo(2);
        assertThat(rejected.getInt("created")).isZero();
        String errors = rejected.getString("errors");
        given().auth().oauth2(PLATFORM).accept(ContentType.JSON).get(errors).then().statusCode(200)
                .body("row", equalTo(List.of(3, 4))).body("[0].rule", equalTo("column-count"))
                .body("[0].field", equalTo("*")).body("[1].field", equalTo("period"))
                .body("[1].rule", equalTo("period-format"));
        // good-rows: the first row goes in (so the all-or-nothing run had stored nothing: it is created now).
        JsonPath good = run(PLATFORM, "text/csv", body, "mode=good-rows");
        assertThat(good.getString("state")).isEqualTo("COMPLETED");
        assertThat(good.getInt("created")).isEqualTo(1);
        assertThat(good.getInt("rowsFailed")).isEqualTo(2);
        assertThat(good.getInt("rowsDone")).isEqualTo(3);
    }

    @Test
    void errorsAsCsvHaveABomAndNeutraliseFormulas() {
        List<Inst> inst = institutions(1, InstitutionType.THC);
        String body = "{\"reports\": [{\"institutionId\": \"" + inst.get(0).id() + "\", \"period\": \"2024\", "
                + "\"=HYPERLINK(\\\"http://x\\\")\": 1, \"figures\": {\"physicians\": 1}}, "
                + "{\"divisionCode\": \"450921\", \"period\": \"2024\", \"figures\": {\"residentPopulation\": 5}}]}";
        JsonPath job = run(YUZHOU, "application/json", body, "mode=good-rows");
        assertThat(job.getInt("rowsFailed")).isEqualTo(2);
        given().auth().oauth2(YUZHOU).accept(ContentType.JSON).get(job.getString("errors")).then().statusCode(200)
                .body("[1].row", equalTo(2)).body("[1].rule", equalTo("within-jurisdiction"))
                .body("[1].field", equalTo("divisionCode"));
        byte[] csv = given().auth().oauth2(YUZHOU).accept("text/csv").get(job.getString("errors")).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asByteArray();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("row,field,rule,message").contains("1,\"'=HYPERLINK(\"\"http://x\"\")\",known-field");
        // Another county's reviewer does not see the job.
        given().auth().oauth2(TestTokens.tokenOf("reviewer-z", "450921", "county-reviewer"))
                .get(job.getString("errors")).then().statusCode(404);
    }

    @Test
    void fileLevelFaultsAreAnsweredAtOnce() {
        byte[] gbk = "institutionId,period,physicians\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[gbk.length + 4];
        System.arraycopy(gbk, 0, bad, 0, gbk.length);
        bad[gbk.length] = (byte) 0xD6;   // GBK 中
        bad[gbk.length + 1] = (byte) 0xD0;
        bad[gbk.length + 2] = ',';
        bad[gbk.length + 3] = '1';
        post(PLATFORM, "text/csv", bad, null).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("utf-8")).body("detail", containsString("line 2"));
        post(PLATFORM, "text/csv", csv("institutionId,period,beds", "x,2024,1"), null).then().statusCode(400)
                .body("errors[0].rule", equalTo("unknown-column"));
        post(PLATFORM, "text/csv", csv("period,physicians", "2024,1"), null).then().statusCode(400)
                .body("errors[0].rule", equalTo("required-column"));
        post(PLATFORM, "text/plain", "x", null).then().statusCode(415);
        post(REPORTER, "text/csv", csv("institutionId,period", "x,2024"), null).then().statusCode(403);
        byte[] huge = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) '1');
        post(PLATFORM, "text/csv", huge, null).then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aDryRunStoresNothingAndTheSameIdempotencyKeyAnswersTheSameJob() {
        List<Inst> inst = institutions(2, InstitutionType.THC);
        String body = csv("institutionId,period,physicians,tcmPhysicians", inst.get(0).id() + ",2024,8,2",
                inst.get(1).id() + ",2024,5,1");
        JsonPath dry = run(PLATFORM, "text/csv", body, "dryRun=true");
        assertThat(dry.getBoolean("dryRun")).isTrue();
        assertThat(dry.getInt("created")).isEqualTo(2);
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(PLATFORM).contentType("text/csv").header("Idempotency-Key", key)
                .body(body).post("/api/v1/report-jobs");
        first.then().statusCode(202);
        Response second = given().auth().oauth2(PLATFORM).contentType("text/csv").header("Idempotency-Key", key)
                .body(body).post("/api/v1/report-jobs");
        second.then().statusCode(202).header("Idempotent-Replayed", "true");
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        given().auth().oauth2(PLATFORM).contentType("text/csv").header("Idempotency-Key", key)
                .body(body + inst.get(0).id() + ",2024,9,2\r\n").post("/api/v1/report-jobs").then().statusCode(422);
        // The dry run stored nothing: the real job creates both reports.
        JsonPath real = finished(first.header("Location"));
        assertThat(real.getInt("created")).isEqualTo(2);
    }

    @Test
    void everyAcceptedRowIsPublishedOnceTheBrokerIsBack() {
        List<Inst> inst = institutions(40, InstitutionType.VILLAGE_CLINIC);
        StringBuilder body = new StringBuilder("registrationNumber,period,tcmCapableStaff\r\n");
        inst.forEach(i -> body.append(i.registrationNumber()).append(",2024,1\r\n"));
        JsonPath[] job = new JsonPath[1];
        InfraResource.withKafkaDown(() -> job[0] = run(PLATFORM, "text/csv", body.toString(), "mode=good-rows"));
        assertThat(job[0].getString("state")).isEqualTo("COMPLETED");
        assertThat(job[0].getInt("created")).isEqualTo(40);
        Set<String> keys = new HashSet<>(inst.stream().map(Inst::id).toList());
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.REPORT_SUBMITTED)) {
            Set<String> seen = new HashSet<>();
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                reader.drain(Duration.ofMillis(500)).stream().filter(r -> keys.contains(reporter(r)))
                        .forEach(r -> seen.add(reporter(r)));
                return seen.size() == keys.size();
            });
            long events = reader.drain(Duration.ofSeconds(1)).stream().filter(r -> keys.contains(reporter(r)))
                    .map(r -> EventJson.read(r.value(), ReportSubmitted.class).data().reportId()).distinct().count();
            assertThat(events).isEqualTo(40);
        }
    }

    @Test
    void countyAndCityRowsFollowTheRolesOfSingleSubmissions() {
        String north = TestTokens.tokenOf("reviewer-n", "450981", "county-reviewer");
        String body = "{\"reports\": [{\"divisionCode\": \"450981\", \"period\": \"2024\", \"figures\": "
                + "{\"residentPopulation\": 620000, \"tcmGeneralPractitioners\": 31}}, "
                + "{\"divisionCode\": \"4509\", \"period\": \"2024\", \"figures\": {\"tcmHealthCultureLiteracy\": 18.9}}, "
                + "{\"divisionCode\": \"450981\", \"period\": \"2024-Q9\", \"figures\": {\"residentPopulation\": 1}}]}";
        JsonPath job = run(north, "application/json", body, "mode=good-rows");
        assertThat(job.getInt("created")).isEqualTo(1);
        given().auth().oauth2(north).get(job.getString("errors")).then().statusCode(200)
                .body("row", equalTo(List.of(2, 3))).body("[0].rule", equalTo("role"))
                .body("[1].rule", equalTo("period-format"));
    }
    /** The reporter an event is about (the record key is the report's county, not the reporter). */
    static String reporter(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r) {
        return EventJson.read(r.value(), ReportSubmitted.class).data().reporterId();
    }

}
