package org.tcmeval.launcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tcmeval.events.AsyncApi;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.events.TargetEvaluated;
import org.tcmeval.events.Topics;
import org.tcmeval.infra.Ports;
import org.tcmeval.registry.UnifiedSocialCreditCode;
import org.tcmeval.testing.TopicReader;

/**
 * The walking skeleton end to end: the four built services as separate processes against one
 * PostgreSQL, one Kafka broker and the real Keycloak, driven over HTTP with real tokens. One
 * indicator of each computation shape is judged from reports filed through reporting: an aggregate
 * ratio (TCM physicians), a compliance rate (中医馆 and a TCM physician), a per-population density
 * (TCM GPs per 10,000), a count (Qinzhou's TCM institutions) and a directly reported value (Qinzhou's
 * health-culture literacy).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteTest {

    static final String RATIO = "TCM_PHYSICIAN_RATIO";
    static Stack stack;
    static Path root;
    static String admin;
    static String reporter;
    static String reviewer;
    static String rongReviewer;
    static String centreA;

    @BeforeAll
    static void startSuite() throws IOException {
        root = Path.of(System.getProperty("tcm.root", "../..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("tcm-suite");
        // -Dtcm.keycloak.home= gives a run its own Keycloak: two runs sharing one home overwrite each other's realm.
        Path keycloakHome = Path.of(System.getProperty("tcm.keycloak.home",
                Path.of(System.getProperty("user.home"), ".cache", "tcmeval", "keycloak-suite").toString()));
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Integer> managementPorts = new LinkedHashMap<>();
        Stack.SERVICES.forEach(s -> ports.put(s, Ports.free()));
        Stack.SERVICES.forEach(s -> managementPorts.put(s, Ports.free()));
        stack = Stack.start(new Stack.Layout(root, work, keycloakHome, Ports.free(), Ports.free(), Ports.free(), ports,
                managementPorts, false));
        System.out.printf("suite started in %d ms%n", stack.startup().toMillis());
        admin = Api.token(stack.keycloakRealmUrl(), "yulin-admin", "yulin-admin-pass");
        reporter = Api.token(stack.keycloakRealmUrl(), "yuzhou-reporter", "yuzhou-reporter-pass");
        reviewer = Api.token(stack.keycloakRealmUrl(), "yuzhou-reviewer", "yuzhou-reviewer-pass");
        rongReviewer = Api.token(stack.keycloakRealmUrl(), "rongxian-reviewer", "rongxian-reviewer-pass");
        // The registry only accepts institutions in divisions it knows; a province admin sets them up.
        String provinceAdmin = Api.token(stack.keycloakRealmUrl(), "gx-admin", "gx-admin-pass");
        Map.of("45", "广西壮族自治区", "4507", "钦州市", "4509", "玉林市", "450902", "玉州区", "450902100", "仁东镇",
                        "450902101", "仁厚镇")
                .entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(d -> given().auth().oauth2(provinceAdmin).contentType(ContentType.JSON)
                        .body(Map.of("name", d.getValue(), "population", Map.of("2024", 100_000)))
                        .put(stack.url("institution-registry") + "/api/v1/divisions/" + d.getKey())
                        .then().statusCode(201));
        // 2024's default reporting window closed on 2025-03-31; the province keeps it open for this test.
        DemoData.openWindow(stack, provinceAdmin, "45", "2024");
    }

    @AfterAll
    static void stopSuite() {
        if (stack == null) {
            return;
        }
        List<Long> pids = List.copyOf(stack.pids().values());
        printRss();
        stack.close();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("process %d stopped", pid)
                    .isFalse();
        }
    }

    @Test
    @Order(1)
    void catalogServesTheIndicatorFromTheSharedTargets() {
        given().auth().oauth2(reviewer).get(stack.url("indicator-catalog") + "/api/v1/indicators/" + RATIO)
                .then().statusCode(200).body("shape", equalTo("AGGREGATE_RATIO"))
                .body("numeratorField", equalTo("tcmPhysicians")).body("denominatorField", equalTo("physicians"));
    }

    @Test
    @Order(2)
    void oneCentreWithTwoOfEightTcmPhysiciansMeetsTheTarget() {
        centreA = registerCentre("玉州区仁东镇卫生院", "450902100", "12450902MB0000001");
        String reportId = submit(centreA, 8, 2, true);

        try (TopicReader reports = new TopicReader(stack.kafkaBootstrap(), Topics.REPORT_SUBMITTED)) {
            var record = reports.await(r -> centreA.equals(EventJson.read(r.value(), ReportSubmitted.class).data()
                    .reporterId()), Duration.ofSeconds(30));
            ReportSubmitted event = EventJson.read(record.value(), ReportSubmitted.class).data();
            // Keyed by county: the centre is in township 450902100, county 450902 (玉州区).
            assertThat(record.key()).isEqualTo("450902");
            assertThat(event.reportId()).isEqualTo(reportId);
            assertThat(event.figures().get("tcmPhysicians")).isEqualByComparingTo("2");
        }
        // 2 TCM-category physicians / 8 physicians = 25.0%, and Guangxi's target is >= 25%: MET.
        awaitCounty("25", "MET");
        assertThat(countyEvent("MET").value()).isEqualByComparingTo("25");
    }

    @Test
    @Order(3)
    void aSecondCentreWithOneOfEightTurnsTheCountyToNotMet() {
        String centreB = registerCentre("玉州区仁厚镇卫生院", "450902101", "12450902MB0000002");
        submit(centreB, 8, 1, false);
        // (2 + 1) / (8 + 8) = 3/16 = 18.75% < 25%: NOT_MET, announced by a new target-evaluated event.
        awaitCounty("18.75", "NOT_MET");
        // A compliance rate over the same reports: A has a 中医馆 and 2 TCM physicians (meets the rule), B has
        // no 中医馆 (fails it): 1 of 2 centres = 50% < Guangxi's 100%: NOT_MET.
        awaitCounty("CHSC_THC_TCM_CLINIC_AREA_AND_PHYSICIAN", "50", "NOT_MET");
        TargetEvaluated notMet = countyEvent("NOT_MET");
        assertThat(notMet.numerator()).isEqualByComparingTo("3");
        assertThat(notMet.denominator()).isEqualByComparingTo("16");
        assertThat(notMet.sequence()).isGreaterThan(countyEvent("MET").sequence());
    }

    @Test
    @Order(4)
    void anotherCountysTokenCannotReadThisCountysScorecard() {
        given().auth().oauth2(rongReviewer).queryParam("year", 2024)
                .get(stack.url("evaluation") + "/api/v1/scorecards/450902")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("year", 2024).get(stack.url("evaluation") + "/api/v1/scorecards/450902")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(5)
    void aCountyReportApprovedByTheCityGivesTheGpDensity() {
        // The county bureau files its county figures; the city admin approves them (four eyes).
        var filed = DemoData.submitWhenKnown(stack, reviewer, Map.of("divisionCode", "450902", "period", "2024",
                "figures", Map.of("residentPopulation", 300_000, "tcmGeneralPractitioners", 12)));
        approve(admin, filed.body().get("id").asText());
        // 12 TCM GPs / 300,000 residents * 10,000 = 0.4 per 10k, inside Guangxi's 0.4..0.7: MET.
        awaitCounty("TCM_GP_DENSITY", "0.4", "MET");
    }

    @Test
    @Order(5)
    void aCityReportGivesQinzhouItsCountAndItsDirectValue() {
        // The platform files 钦州市's own figures; the province admin decides on city reports.
        String platform = Api.clientToken(stack.keycloakRealmUrl(), "tcm-platform", "platform-secret");
        String provinceAdmin = Api.token(stack.keycloakRealmUrl(), "gx-admin", "gx-admin-pass");
        var filed = DemoData.submitWhenKnown(stack, platform, Map.of("divisionCode", "4507", "period", "2024",
                "figures", Map.of("tcmInstitutions", 80, "tcmHealthCultureLiteracy", new BigDecimal("21.5"))));
        String id = filed.body().get("id").asText();
        String etag = given().auth().oauth2(provinceAdmin).get(stack.url("reporting") + "/api/v1/reports/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(provinceAdmin).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE", "reports",
                        List.of(Map.of("id", id, "revision", Integer.parseInt(etag.replace("\"", ""))))))
                .post(stack.url("reporting") + "/api/v1/report-decisions").then().statusCode(200);
        // COUNT: 80 TCM institutions against Qinzhou's 2025 target of >= 89: NOT_MET.
        awaitCell(provinceAdmin, "4507", "TCM_INSTITUTIONS", "80", "NOT_MET");
        // DIRECT_VALUE: 21.5% literacy against Qinzhou's >= 25%: NOT_MET.
        awaitCell(provinceAdmin, "4507", "TCM_HEALTH_CULTURE_LITERACY", "21.5", "NOT_MET");
    }

    /**
     * The clients generated from the committed specs (openapi-generator, see pom.xml) work against
     * the real services: one call of each, with a real token.
     */
    @Test
    @Order(6)
    void theClientsGeneratedFromTheCommittedSpecsTalkToEveryService() throws Exception {
        var registry = new org.tcmeval.client.registry.ApiClient();
        registry.updateBaseUri(stack.url("institution-registry"));
        registry.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + reviewer));
        var institutions = new org.tcmeval.client.registry.api.InstitutionsApi(registry)
                .listInstitutions(null, "450902", null, null, null, null, null, null, null, null, null);
        assertThat(institutions.getItems()).extracting(i -> i.getId().toString()).contains(centreA);

        var catalog = new org.tcmeval.client.catalog.ApiClient();
        catalog.updateBaseUri(stack.url("indicator-catalog"));
        catalog.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + reviewer));
        var indicator = new org.tcmeval.client.catalog.api.IndicatorsApi(catalog).getIndicator(RATIO);
        assertThat(indicator.getShape().getValue()).isEqualTo("AGGREGATE_RATIO");

        var reporting = new org.tcmeval.client.reporting.ApiClient();
        reporting.updateBaseUri(stack.url("reporting"));
        reporting.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + reviewer));
        var reports = new org.tcmeval.client.reporting.api.ReportsApi(reporting)
                .listReports(null, "450902", null, null, "2024", null);
        assertThat(reports.getItems()).isNotEmpty();

        var evaluation = new org.tcmeval.client.evaluation.ApiClient();
        evaluation.updateBaseUri(stack.url("evaluation"));
        evaluation.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + reviewer));
        var scorecards = new org.tcmeval.client.evaluation.api.ScorecardsApi(evaluation);
        var scorecard = scorecards.getScorecard("450902", 2024, null, null);
        assertThat(scorecard.getDivisionCode()).isEqualTo("450902");
        assertThat(scorecard.getIndicators()).extracting(e -> e.getIndicatorCode()).contains(RATIO);
        // The same county judged on reading against the provincial plan rather than Yulin's.
        var underGuangxi = scorecards.getScorecard("450902", 2024, null, "guangxi-2022");
        assertThat(underGuangxi.getChosenProfile()).isEqualTo("guangxi-2022");
        assertThat(underGuangxi.getIndicators()).allSatisfy(e -> assertThat(e.getProfileId())
                .isIn("guangxi-2022", "national", null));
    }

    /**
     * The examples of docs/it-guide.md, as a regional IT team runs them: client-credentials token,
     * paging through 玉州区 (the two centres above, one per page), a CSV bulk job with a bad row, its
     * row errors, an idempotent retry and problem answers (see {@link ItGuide}).
     */
    @Test
    @Order(7)
    void theItGuidesExamplesWorkAsWritten() throws Exception {
        ItGuide.run(root, Map.of(
                "http://127.0.0.1:8180/realms/tcm", stack.keycloakRealmUrl(),
                "http://127.0.0.1:8081", stack.url("institution-registry"),
                "http://127.0.0.1:8083", stack.url("reporting"),
                "PAGE_SIZE=100", "PAGE_SIZE=1"));
    }

    /**
     * docs/roles.md is what the suite does: every operation of the committed specs as every matrix user,
     * against divisions in every relation to the user's own (see {@link RoleMatrix}). Last, because its
     * fixtures add divisions, institutions and draft reports.
     */
    @Test
    @Order(8)
    void everyRoleMayDoWhatDocsRolesSaysAndNothingElse() {
        long t0 = System.nanoTime();
        var wrong = new RoleMatrix(stack, root).run();
        System.out.printf("role matrix checked in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(wrong).as("calls whose outcome differs from docs/roles.md:%n%s", RoleMatrix.describe(wrong))
                .isEmpty();
    }

    /**
     * The Beilun plan end to end, in a province that did not exist: the national administrator adds
     * Zhejiang, Ningbo and Beilun (no province admin could), Zhejiang's admin opens its window, Beilun's
     * bureau files the county report, Ningbo's admin approves it, and Zhejiang's reader sees Beilun's
     * density judged by Beilun's own plan (0.6 to 0.8 TCM GPs per 10,000 residents).
     */
    @Test
    @Order(9)
    void theNationalAdministratorAddsZhejiangAndBeilunsPlanIsJudged() {
        String realm = stack.keycloakRealmUrl();
        String national = Api.token(realm, "national-admin", "national-admin-pass");
        String registry = stack.url("institution-registry") + "/api/v1/divisions/";
        Map.of("33", "浙江省", "3302", "宁波市", "330206", "北仑区").entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(d -> given().auth().oauth2(national).contentType(ContentType.JSON)
                        .body(Map.of("name", d.getValue(), "population", Map.of("2024", 100_000)))
                        .put(registry + d.getKey()).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)));
        DemoData.openWindow(stack, Api.token(realm, "zj-admin", "zj-admin-pass"), "33", "2024");
        var filed = DemoData.submitWhenKnown(stack, Api.token(realm, "beilun-reviewer", "beilun-reviewer-pass"),
                Map.of("divisionCode", "330206", "period", "2024",
                        "figures", Map.of("residentPopulation", 450_000, "tcmGeneralPractitioners", 30)));
        approve(Api.token(realm, "ningbo-admin", "ningbo-admin-pass"), filed.body().get("id").asText());
        String reader = Api.token(realm, "zj-reader", "zj-reader-pass");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Map<String, Object> entry = given().auth().oauth2(reader).queryParam("year", 2024)
                    .get(stack.url("evaluation") + "/api/v1/scorecards/330206").then().statusCode(200).extract()
                    .jsonPath().getMap("indicators.find { it.indicatorCode == 'TCM_GP_DENSITY' }");
            assertThat(entry.get("status")).isEqualTo("MET");
            assertThat(entry.get("profileId")).isEqualTo("beilun-2023");
        });
    }

    /**
     * Every record the services published during this run, as it is on the broker (catalog seeds
     * written by Flyway migrations included), is what openapi/asyncapi.yaml describes: key, headers
     * and value, with no property it does not name. AsyncApiDriftTest checks the records of
     * libs/events; this checks what the producers really send.
     */
    @Test
    @Order(10)
    void everyPublishedRecordIsWhatTheAsyncApiDescribes() {
        AsyncApi api = AsyncApi.load();
        List<String> topics = List.of(Topics.INSTITUTION_CHANGED, Topics.DIVISION_CHANGED, Topics.REPORT_SUBMITTED,
                Topics.TARGET_EVALUATED, Topics.CATALOG_CHANGED, Topics.TECHNIQUE_CHANGED);
        Map<String, Integer> records = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String topic : topics) {
            try (TopicReader reader = new TopicReader(stack.kafkaBootstrap(), topic)) {
                for (var r : reader.drain(Duration.ofSeconds(2))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                    api.check(topic, r.key(), headers, r.value())
                            .forEach(p -> problems.add(topic + "@" + r.partition() + ":" + r.offset() + " " + p));
                    records.merge(topic, 1, Integer::sum);
                }
            }
        }
        System.out.printf("records checked against the AsyncAPI: %s%n", records);
        assertThat(records.keySet()).as("topics with records").containsExactlyInAnyOrderElementsOf(topics);
        assertThat(problems.stream().limit(20).toList()).as("%d records differ from openapi/asyncapi.yaml",
                problems.size()).isEmpty();
    }

    /**
     * Health and metrics are for operators: each service serves them on its management port, and its
     * API port answers 404 problem+json for them as for any unknown path.
     */
    @Test
    @Order(11)
    void healthAndMetricsAreOnTheManagementPortsOnly() {
        for (String s : Stack.SERVICES) {
            given().get(stack.managementUrl(s) + "/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
            assertThat(given().get(stack.managementUrl(s) + "/q/metrics").then().statusCode(200).extract().asString())
                    .as(s).contains("http_server_requests_seconds_count");
            for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready")) {
                given().get(stack.url(s) + path).then().statusCode(404).contentType("application/problem+json")
                        .body("type", equalTo("/problems/not-found"));
            }
        }
    }

    static String registerCentre(String name, String township, String first17) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "THC", "divisionCode", township,
                        "uscc", first17 + UnifiedSocialCreditCode.checkCharacter(first17), "openedOn", "1998-06-01"))
                .post(stack.url("institution-registry") + "/api/v1/institutions")
                .then().statusCode(201).extract().path("id");
    }

    /**
     * Files the report as yuzhou-reporter and approves it as yuzhou-reviewer: evaluation counts
     * approved figures only (tcm.evaluation.counting=APPROVED), and nobody approves their own report.
     */
    static String submit(String institution, int physicians, int tcm, boolean tcmClinicArea) {
        var a = DemoData.submitWhenKnown(stack, reporter, Map.of("institutionId", institution, "period", "2024",
                "figures", Map.of("physicians", physicians, "tcmPhysicians", tcm, "hasTcmClinicArea",
                        tcmClinicArea ? 1 : 0)));
        String id = a.body().get("id").asText();
        approve(reviewer, id);
        return id;
    }

    /** Approves the report's current revision, naming it in If-Match as the reviewer read it. */
    static void approve(String token, String reportId) {
        String url = stack.url("reporting") + "/api/v1/reports/" + reportId;
        String etag = given().auth().oauth2(token).get(url).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("decision", "APPROVE")).post(url + "/decisions").then().statusCode(200);
    }

    static void awaitCounty(String value, String status) {
        awaitCounty(RATIO, value, status);
    }

    static void awaitCounty(String indicator, String value, String status) {
        awaitCell(reviewer, "450902", indicator, value, status);
    }

    static void awaitCell(String token, String division, String indicator, String value, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonPath card = given().auth().oauth2(token).queryParam("year", 2024)
                    .get(stack.url("evaluation") + "/api/v1/scorecards/" + division).then().statusCode(200)
                    .extract().jsonPath();
            Map<String, Object> entry = card.getMap("indicators.find { it.indicatorCode == '" + indicator + "' }");
            assertThat(entry.get("status")).isEqualTo(status);
            assertThat(new BigDecimal(String.valueOf(entry.get("value")))).isEqualByComparingTo(value);
        });
    }

    static TargetEvaluated countyEvent(String status) {
        try (TopicReader reader = new TopicReader(stack.kafkaBootstrap(), Topics.TARGET_EVALUATED)) {
            String key = "450902:" + RATIO + ":2024:guangxi-2022";
            var r = reader.await(rec -> key.equals(rec.key())
                    && EventJson.read(rec.value(), TargetEvaluated.class).data().status().equals(status),
                    Duration.ofSeconds(30));
            return EventJson.read(r.value(), TargetEvaluated.class).data();
        }
    }

    private static void printRss() {
        stack.pids().forEach((name, pid) -> {
            try {
                String status = Files.readString(Path.of("/proc/" + pid + "/status"));
                String rss = status.lines().filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?");
                System.out.printf("%s %s%n", name, rss.replaceAll("\\s+", " "));
            } catch (IOException e) {
                System.out.printf("%s rss unavailable%n", name);
            }
        });
    }
}
