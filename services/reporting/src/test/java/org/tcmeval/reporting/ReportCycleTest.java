package org.tcmeval.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * The reporting cycle over real HTTP, PostgreSQL and Kafka. The test profile pins "today" to
 * 2025-02-15 (Asia/Shanghai), so 2024's default window (2025-01-01 .. 2025-03-31) is open and
 * 2023's (2024-01-01 .. 2024-03-31) and 2022's are closed.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ReportCycleTest {

    static final String REPORTER = TestTokens.tokenOf("reporter-a", "450902", "institution-reporter");
    static final String REVIEWER = TestTokens.tokenOf("reviewer-b", "450902", "county-reviewer");
    static final String OTHER_REVIEWER = TestTokens.tokenOf("reviewer-c", "450902", "county-reviewer");
    static final String CITY = TestTokens.tokenOf("city-d", "4509", "city-admin");
    static final String PROVINCE = TestTokens.tokenOf("province-e", "45", "province-admin");
    static final String OTHER_PROVINCE = TestTokens.tokenOf("province-f", "15", "province-admin");

    static String institution(InstitutionType type, LocalDate closedOn) {
        String id = publish(type, closedOn);
        // Drafts need no window, so a draft of the first quarter tells when reporting knows the institution.
        ReportResourceTest.awaitKnown(id);
        return id;
    }

    static String publish(InstitutionType type, LocalDate closedOn) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send(Topics.INSTITUTION_CHANGED, id, EventEnvelope.of("/institution-registry",
                EventTypes.INSTITUTION_CHANGED, id, InstitutionChanged.VERSION, new InstitutionChanged(id, 0,
                        "玉州区测试机构", type, "450902100", "450902", LocalDate.of(1998, 6, 1), closedOn)));
        return id;
    }

    static Response post(String token, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/reports");
    }

    static Response decide(String token, String id, int revision, String decision, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("decision", decision));
        if (comment != null) {
            body.put("comment", comment);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + revision + "\"")
                .body(body).post("/api/v1/reports/" + id + "/decisions");
    }

    static ReportSubmitted event(TopicReader reader, String reportId, int revision) {
        var r = reader.await(rec -> {
            var e = EventJson.read(rec.value(), ReportSubmitted.class).data();
            return e.reportId().equals(reportId) && e.revision() == revision;
        }, Duration.ofSeconds(30));
        return EventJson.read(r.value(), ReportSubmitted.class).data();
    }

    @Test
    void returnedCorrectedApprovedWithTheWholeHistoryAndAnEventForEachStep() {
        String inst = institution(InstitutionType.THC, null);
        String id = post(REPORTER, Map.of("institutionId", inst, "period", "2024",
                "figures", Map.of("physicians", 8, "tcmPhysicians", 2))).then().statusCode(201)
                .body("status", equalTo("SUBMITTED")).extract().path("id");
        decide(REVIEWER, id, 1, "RETURN", null).then().statusCode(400).body("errors[0].rule", equalTo("required-on-return"));
        decide(REVIEWER, id, 1, "RETURN", "中医类别医师数与花名册不符").then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("RETURNED")).body("version", equalTo(1));
        given().auth().oauth2(REPORTER).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("figures", Map.of("physicians", 8, "tcmPhysicians", 3))).put("/api/v1/reports/" + id)
                .then().statusCode(200).header("ETag", "\"3\"").body("status", equalTo("SUBMITTED")).body("version", equalTo(2));
        // The reviewer saw revision 2; approving it now would approve figures they have not seen.
        decide(REVIEWER, id, 2, "APPROVE", null).then().statusCode(412);
        decide(REVIEWER, id, 3, "APPROVE", null).then().statusCode(200).body("status", equalTo("APPROVED"));
        decide(REVIEWER, id, 4, "APPROVE", null).then().statusCode(409).body("type", equalTo(
                "/problems/illegal-transition"));
        decide(REPORTER, id, 4, "APPROVE", null).then().statusCode(403);

        given().auth().oauth2(REPORTER).get("/api/v1/reports/" + id + "/history").then().statusCode(200)
                .body("versions.version", equalTo(List.of(1, 2)))
                .body("versions[1].changes.tcmPhysicians.from", equalTo(2))
                .body("versions[1].changes.tcmPhysicians.to", equalTo(3))
                .body("decisions.decision", equalTo(List.of("RETURN", "APPROVE")))
                .body("decisions[0].version", equalTo(1)).body("decisions[1].version", equalTo(2))
                .body("decisions[1].decidedBy", equalTo("reviewer-b"));
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.REPORT_SUBMITTED)) {
            assertThat(event(reader, id, 2).status()).isEqualTo("RETURNED");
            ReportSubmitted approved = event(reader, id, 4);
            assertThat(approved.status()).isEqualTo("APPROVED");
            assertThat(approved.version()).isEqualTo(2);
            assertThat(approved.figures().get("tcmPhysicians")).isEqualByComparingTo("3");
            assertThat(approved.reporterKind()).isEqualTo("INSTITUTION");
        }
        // A correction after approval goes back to review.
        given().auth().oauth2(REPORTER).contentType(ContentType.JSON).header("If-Match", "\"4\"")
                .body(Map.of("figures", Map.of("physicians", 9, "tcmPhysicians", 3))).put("/api/v1/reports/" + id)
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void nobodyDecidesOnTheirOwnSubmission() {
        String inst = institution(InstitutionType.THC, null);
        String id = post(REVIEWER, Map.of("institutionId", inst, "period", "2024", "figures", Map.of("physicians", 5)))
                .then().statusCode(201).extract().path("id");
        decide(REVIEWER, id, 1, "APPROVE", null).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/own-submission"));
        decide(OTHER_REVIEWER, id, 1, "APPROVE", null).then().statusCode(200);
    }

    @Test
    void aDraftIsNeitherPublishedNorReviewableAndCannotComeBack() {
        String inst = institution(InstitutionType.CHSC, null);
        String id = post(REPORTER, Map.of("institutionId", inst, "period", "2024", "draft", true,
                "figures", Map.of("physicians", 4))).then().statusCode(201).body("status", equalTo("DRAFT"))
                .extract().path("id");
        decide(REVIEWER, id, 1, "APPROVE", null).then().statusCode(409);
        given().auth().oauth2(REPORTER).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("figures", Map.of("physicians", 4, "tcmPhysicians", 1))).put("/api/v1/reports/" + id)
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(REPORTER).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("draft", true, "figures", Map.of("physicians", 4))).put("/api/v1/reports/" + id)
                .then().statusCode(409);
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.REPORT_SUBMITTED)) {
            // The first event of this report is the submission: revision 2, version 2. The draft never left.
            var first = reader.await(rec -> EventJson.read(rec.value(), ReportSubmitted.class).data().reportId()
                    .equals(id), Duration.ofSeconds(30));
            assertThat(EventJson.read(first.value(), ReportSubmitted.class).data().revision()).isEqualTo(2);
        }
    }

    @Test
    void countyAndCityFileTheirOwnReportsAndTheLevelAboveReviews() {
        String county = post(REVIEWER, Map.of("divisionCode", "450902", "period", "2024", "figures",
                Map.of("residentPopulation", 620_000, "tcmGeneralPractitioners", 31, "countyRunTcmInstitutions", 1)))
                .then().statusCode(201).body("reporterKind", equalTo("COUNTY")).body("reporterId", equalTo("450902"))
                .extract().path("id");
        decide(OTHER_REVIEWER, county, 1, "APPROVE", null).then().statusCode(403);
        decide(CITY, county, 1, "APPROVE", null).then().statusCode(200).body("status", equalTo("APPROVED"));
        post(REVIEWER, Map.of("divisionCode", "450902", "period", "2024", "figures", Map.of("residentPopulation", 1)))
                .then().statusCode(409).body("type", equalTo("/problems/report-exists"));
        // Qinzhou-style directly reported values on a city's report.
        String city = post(CITY, Map.of("divisionCode", "4509", "period", "2024", "figures",
                Map.of("tcmHealthCultureLiteracy", 18.9, "tcmHealthServiceScale", 52.81)))
                .then().statusCode(201).body("reporterKind", equalTo("CITY")).extract().path("id");
        decide(PROVINCE, city, 1, "APPROVE", null).then().statusCode(200);
        // A county's figure on an institution report, an institution's on a county report: named, nothing stored.
        String inst = institution(InstitutionType.THC, null);
        post(REPORTER, Map.of("institutionId", inst, "period", "2024", "figures", Map.of("residentPopulation", 5)))
                .then().statusCode(400).body("errors[0].field", equalTo("figures.residentPopulation"))
                .body("errors[0].rule", equalTo("reporter-field"));
        post(REVIEWER, Map.of("divisionCode", "450902", "period", "2024-Q1", "figures", Map.of("physicians", 5)))
                .then().statusCode(400).body("errors[0].rule", equalTo("reporter-field"));
        // Roles and jurisdiction: a reporter files no county report; another province's admin not ours.
        post(REPORTER, Map.of("divisionCode", "450902", "period", "2023", "figures", Map.of("residentPopulation", 1)))
                .then().statusCode(403);
        post(OTHER_PROVINCE, Map.of("divisionCode", "45", "period", "2024", "figures", Map.of("residentPopulation", 1)))
                .then().statusCode(422).body("errors[0].rule", equalTo("within-jurisdiction"));
        post(REVIEWER, Map.of("divisionCode", "4509021", "period", "2024", "figures", Map.of("residentPopulation", 1)))
                .then().statusCode(400);
    }

    @Test
    void submissionsOutsideTheWindowAreRefusedUnlessReopened() {
        String inst = institution(InstitutionType.THC, null);
        // 2022's default window closed on 2023-03-31.
        post(REPORTER, Map.of("institutionId", inst, "period", "2022", "figures", Map.of("physicians", 3)))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/outside-reporting-window"))
                .body("errors[0].field", equalTo("period")).body("detail", org.hamcrest.Matchers.containsString("2023-03-31"));
        given().auth().oauth2(CITY).contentType(ContentType.JSON).body(Map.of("until", "2025-02-20"))
                .put("/api/v1/windows/2022/reopenings/" + inst).then().statusCode(403);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("until", "2025-02-10"))
                .put("/api/v1/windows/2022/reopenings/" + inst).then().statusCode(400).body("errors[0].rule", equalTo("not-in-past"));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("until", "2025-02-20"))
                .put("/api/v1/windows/2022/reopenings/" + inst).then().statusCode(204);
        post(REPORTER, Map.of("institutionId", inst, "period", "2022", "figures", Map.of("physicians", 3)))
                .then().statusCode(201);

        // The province sets 2023's window to include today.
        given().auth().oauth2(PROVINCE).get("/api/v1/windows/45/2023").then().statusCode(200)
                .body("byDefault", equalTo(true)).body("closesOn", equalTo("2024-03-31")).header("ETag", "\"0\"");
        var window = Map.of("opensOn", "2025-02-01", "closesOn", "2025-02-28");
        given().auth().oauth2(PROVINCE).contentType(ContentType.JSON).body(window).put("/api/v1/windows/45/2023")
                .then().statusCode(428);
        given().auth().oauth2(OTHER_PROVINCE).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(window)
                .put("/api/v1/windows/45/2023").then().statusCode(403);
        given().auth().oauth2(PROVINCE).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("opensOn", "2025-02-28", "closesOn", "2025-02-01")).put("/api/v1/windows/45/2023")
                .then().statusCode(400).body("errors[0].field", equalTo("closesOn"));
        given().auth().oauth2(PROVINCE).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(window)
                .put("/api/v1/windows/45/2023").then().statusCode(200).header("ETag", "\"1\"");
        post(REPORTER, Map.of("institutionId", inst, "period", "2023", "figures", Map.of("physicians", 3)))
                .then().statusCode(201);
    }

    @Test
    void aClosedInstitutionFilesNothingForAfterItClosed() {
        String inst = publish(InstitutionType.THC, LocalDate.of(2023, 6, 30));
        var body = Map.of("institutionId", inst, "period", "2024", "figures", Map.of("physicians", 3));
        // 422 known-institution until reporting has the institution, then 422 operating-in-period for good.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "operating-in-period".equals(
                post(REPORTER, body).then().statusCode(422).extract().path("errors[0].rule")));
        // Its last operating year is still reportable (its window closed, which is the next check).
        post(REPORTER, Map.of("institutionId", inst, "period", "2023", "figures", Map.of("physicians", 3)))
                .then().statusCode(422).body("errors[0].rule", equalTo("within-reporting-window"));
    }

    @Test
    void formsListTheFieldsOfEachReporter() {
        given().auth().oauth2(REPORTER).get("/api/v1/forms/THC").then().statusCode(200)
                .body("techniques", equalTo(true))
                .body("fields.name", hasItems("physicians", "tcmPhysicians", "elderlyResidents", "techniqueItems"))
                .body("fields.name", not(hasItem("hasTcmCorner")))
                .body("fields.find { it.name == 'tcmPhysicians' }.atMost", equalTo("physicians"))
                .body("fields.find { it.name == 'tcmPhysicians' }.nameZh", equalTo("中医类别医师数"))
                .body("fields.find { it.name == 'techniqueClasses' }.derived", equalTo(true));
        given().auth().oauth2(REPORTER).get("/api/v1/forms/COUNTY").then().statusCode(200)
                .body("reporterKind", equalTo("COUNTY")).body("fields.name", hasItem("tcmGeneralPractitioners"));
        given().auth().oauth2(REPORTER).get("/api/v1/forms/NOPE").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(REPORTER).get("/api/v1/forms").then().statusCode(200).body("kind", hasItems("THC", "CITY"));
    }

    @Test
    void racingCreatesOfOneReportAreOne201AndOne409() throws Exception {
        String inst = institution(InstitutionType.THC, null);
        var body = Map.of("institutionId", inst, "period", "2024", "figures", Map.of("physicians", 7));
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> post(REPORTER, body).statusCode()));
        }
        List<Integer> codes = new ArrayList<>();
        for (var c : calls) {
            codes.add(c.get());
        }
        assertThat(codes).containsOnly(201, 409).containsOnlyOnce(201);

        // One Idempotency-Key sent four times at once: one report, and no answer is a 500.
        String other = institution(InstitutionType.THC, null);
        var second = Map.of("institutionId", other, "period", "2024", "figures", Map.of("physicians", 7));
        String key = UUID.randomUUID().toString();
        List<CompletableFuture<Integer>> keyed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            keyed.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(REPORTER).contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).body(second).post("/api/v1/reports").statusCode()));
        }
        for (var c : keyed) {
            assertThat(c.get()).isIn(201, 409);
        }
    }

    @Test
    void techniqueItemsAreCheckedAgainstTheCatalogueAndCounted() {
        // Two classes of the national list, published as the catalog does; a Hebei centre, away from
        // province 45, whose own list another test uploads.
        org.tcmeval.reporting.technique.TechniqueDirectoryTest.publish("00", "RPTTEST_ACU", 1, "针刺类",
                org.tcmeval.reporting.technique.TechniqueDirectoryTest.item("RPTTEST_ACU_A", "毫针"),
                org.tcmeval.reporting.technique.TechniqueDirectoryTest.item("RPTTEST_ACU_B", "耳针"));
        org.tcmeval.reporting.technique.TechniqueDirectoryTest.publish("00", "RPTTEST_MOX", 1, "灸类",
                org.tcmeval.reporting.technique.TechniqueDirectoryTest.item("RPTTEST_MOX_A", "悬灸"),
                org.tcmeval.reporting.technique.TechniqueDirectoryTest.retired("RPTTEST_MOX_OLD", "温针灸"));
        String hebei = TestTokens.tokenOf("hebei-reporter", "130102", "institution-reporter");
        String inst = UUID.randomUUID().toString();
        TopicWriter.send(Topics.INSTITUTION_CHANGED, inst, EventEnvelope.of("/institution-registry",
                EventTypes.INSTITUTION_CHANGED, inst, InstitutionChanged.VERSION, new InstitutionChanged(inst, 0,
                        "长安区测试卫生院", InstitutionType.THC, "130102001", "130102", LocalDate.of(1998, 6, 1), null)));
        var body = Map.of("institutionId", inst, "period", "2024", "figures", Map.of("physicians", 6),
                "techniqueItems", List.of("RPTTEST_ACU_B", "RPTTEST_ACU_A", "RPTTEST_MOX_A"));
        // Until reporting has the institution and both classes it answers 422 or 400; then 201.
        Response[] filed = new Response[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            filed[0] = post(hebei, body);
            assertThat(filed[0].statusCode()).as(filed[0].asString()).isEqualTo(201);
        });
        // 毫针 and 耳针 are 针刺类, 悬灸 is 灸类: 2 classes, 3 items.
        filed[0].then().body("figures.techniqueClasses", equalTo(2)).body("figures.techniqueItems", equalTo(3))
                .body("techniqueItems", equalTo(List.of("RPTTEST_ACU_A", "RPTTEST_ACU_B", "RPTTEST_MOX_A")));

        String other = UUID.randomUUID().toString();
        TopicWriter.send(Topics.INSTITUTION_CHANGED, other, EventEnvelope.of("/institution-registry",
                EventTypes.INSTITUTION_CHANGED, other, InstitutionChanged.VERSION, new InstitutionChanged(other, 0,
                        "长安区另一卫生院", InstitutionType.THC, "130102001", "130102", LocalDate.of(1998, 6, 1), null)));
        var retiredItem = Map.of("institutionId", other, "period", "2024", "figures", Map.of("physicians", 6),
                "techniqueItems", List.of("RPTTEST_ACU_A", "RPTTEST_MOX_OLD"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> post(hebei, retiredItem)
                .statusCode() == 400);
        post(hebei, retiredItem).then().statusCode(400).body("errors[0].field", equalTo("techniqueItems[1]"))
                .body("errors[0].rule", equalTo("active-technique-item"));
        post(hebei, Map.of("institutionId", other, "period", "2024", "figures", Map.of("techniqueClasses", 6)))
                .then().statusCode(400).body("errors[0].rule", equalTo("derived"));
        post(REVIEWER, Map.of("divisionCode", "450902", "period", "2024-Q2", "figures", Map.of("residentPopulation", 1),
                "techniqueItems", List.of("RPTTEST_ACU_A"))).then().statusCode(400)
                .body("errors[0].field", equalTo("techniqueItems")).body("errors[0].rule", equalTo("on-form"));
    }
}
