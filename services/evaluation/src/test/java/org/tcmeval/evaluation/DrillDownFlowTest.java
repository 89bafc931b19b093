package org.tcmeval.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tcmeval.evaluation.EngineFlowTest.awaitCell;
import static org.tcmeval.evaluation.EngineFlowTest.figures;
import static org.tcmeval.evaluation.EvaluationFlowTest.institution;
import static org.tcmeval.evaluation.EvaluationFlowTest.institutionReport;
import static org.tcmeval.evaluation.EvaluationFlowTest.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;

/**
 * Issue 9, first slice: drill-down city → county → institutions and the gap list, read from what
 * the reports stored. Year 2009 and 桂林 (4503) are this test's own.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class DrillDownFlowTest {

    static final String GUANGXI_READER = TestTokens.token("45", "dashboard-reader");
    static final String YULIN_READER = TestTokens.token("4509", "dashboard-reader");
    static final int YEAR = 2009;
    static final String TECHNIQUE = "CHSC_THC_TECHNIQUE_CAPACITY";

    static String a;
    static String b;
    static String c;
    static boolean ready;

    @BeforeAll
    static void profiles() {
        EvaluationFlowTest.catalogPublishesItsProfiles();
    }

    /** Once per class, from a test: RestAssured only knows the application's port inside a test. */
    static synchronized void reports() {
        if (ready) {
            return;
        }
        // 阳朔县 450321: three THCs; 灌阳县 450327: one. Ids sorted so the paging order is known.
        List<String> ids = new java.util.ArrayList<>(List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString()));
        java.util.Collections.sort(ids);
        a = institution("450321100", 0, ids.get(0), YEAR);
        b = institution("450321101", 0, ids.get(1), YEAR);
        c = institution("450321102", 0, ids.get(2), YEAR);
        String d = institution("450327100", 0, UUID.randomUUID().toString(), YEAR);
        approve(a, figures("techniqueClasses", 5, "techniqueItems", 9, "physicians", 6, "tcmPhysicians", 1));
        approve(b, figures("techniqueClasses", 6, "techniqueItems", 10, "physicians", 4, "tcmPhysicians", 2));
        approve(c, figures("techniqueClasses", 3, "techniqueItems", 12, "physicians", 10, "tcmPhysicians", 2));
        approve(d, figures("techniqueClasses", 6, "techniqueItems", 10, "physicians", 8, "tcmPhysicians", 2));
        // 阳朔县: 1 of 3 THCs (b) meets 6 classes and 10 items = 33.3333% < Guangxi's 100%: NOT_MET.
        // 灌阳县: 1 of 1 = 100%: MET. 桂林市: 1 + 1 = 2 of 3 + 1 = 4 = 50%: NOT_MET.
        awaitCell("450327", YEAR, TECHNIQUE, "100", "MET");
        awaitCell("4503", YEAR, TECHNIQUE, "50", "NOT_MET");
        // (JsonPath reads numbers as floats: 33.3333 comes back as 33.333332.)
        assertThat(new BigDecimal(EngineFlowTest.cell("450321", YEAR, TECHNIQUE).getString("value")))
                .isBetween(new BigDecimal("33.333"), new BigDecimal("33.334"));
        // TCM physicians in 阳朔县: (1 + 2 + 2) / (6 + 4 + 10) = 5 / 20 = 25% >= 25%: MET.
        awaitCell("450321", YEAR, "TCM_PHYSICIAN_RATIO", "25", "MET");
        ready = true;
    }

    static void approve(String institutionId, java.util.Map<String, BigDecimal> f) {
        send(institutionReport(UUID.randomUUID().toString(), 1, 1, "APPROVED", institutionId, YEAR, f));
    }

    static JsonPath get(String token, String path, Object... query) {
        var req = given().auth().oauth2(token).queryParam("year", YEAR);
        for (int i = 0; i < query.length; i += 2) {
            req = req.queryParam((String) query[i], query[i + 1]);
        }
        return req.get("/api/v1/scorecards/" + path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void cityToCountiesToInstitutions() {
        reports();
        JsonPath city = get(GUANGXI_READER, "4503/indicators/" + TECHNIQUE + "/children");
        assertThat(city.getString("childKind")).isEqualTo("COUNTY");
        assertThat(city.getString("division.status")).isEqualTo("NOT_MET");
        assertThat(city.getList("items.code")).containsExactly("450321", "450327");
        assertThat(city.getList("items.status")).containsExactly("NOT_MET", "MET");
        assertThat(new BigDecimal(city.getString("items[0].numerator"))).isEqualByComparingTo("1");   // 1 of 3
        assertThat(new BigDecimal(city.getString("items[0].denominator"))).isEqualByComparingTo("3");
        assertThat(new BigDecimal(city.getString("items[0].threshold"))).isEqualByComparingTo("100");
        assertThat(city.getString("items[0].profileId")).isEqualTo("guangxi-2022");
        assertThat(new BigDecimal(city.getString("items[0].completeness"))).isEqualByComparingTo("100");   // 3 of 3

        // 阳朔县's three THCs, two to a page, in id order: a fails, b meets, c fails.
        JsonPath first = get(GUANGXI_READER, "450321/indicators/" + TECHNIQUE + "/children", "limit", 2);
        assertThat(first.getString("childKind")).isEqualTo("INSTITUTION");
        assertThat(first.getList("items.code")).containsExactly(a, b);
        assertThat(first.getList("items.meetsRule")).containsExactly(false, true);
        assertThat(first.getList("items.unitState")).containsExactly("COUNTED", "COUNTED");
        assertThat(first.getString("items[0].institutionType")).isEqualTo("THC");
        assertThat(first.getString("items[0].name")).startsWith("卫生院");
        JsonPath second = get(GUANGXI_READER, "450321/indicators/" + TECHNIQUE + "/children", "limit", 2,
                "cursor", first.getString("nextCursor"));
        assertThat(second.getList("items.code")).containsExactly(c);
        assertThat(second.getString("nextCursor")).isNull();

        // An institution's own ratio in the drill-down: a has 1 / 6 = 16.6667%.
        JsonPath ratio = get(GUANGXI_READER, "450321/indicators/TCM_PHYSICIAN_RATIO/children");
        assertThat(new BigDecimal(ratio.getString("items[0].value")))
                .isBetween(new BigDecimal("16.666"), new BigDecimal("16.667"));
        assertThat(ratio.getString("items[0].meetsRule")).isNull();

        // CSV: a BOM, then a header and one line per county.
        byte[] csv = given().auth().oauth2(GUANGXI_READER).queryParam("year", YEAR).accept("text/csv")
                .get("/api/v1/scorecards/4503/indicators/" + TECHNIQUE + "/children").then().statusCode(200)
                .extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFcode,name,");
        assertThat(text.split("\r\n")).hasSize(3);
    }

    @Test
    void gapsWithReasonsInBothLanguagesLargestFirst() {
        reports();
        JsonPath gaps = get(GUANGXI_READER, "4503/indicators/" + TECHNIQUE + "/gaps");
        // c: 6 - 3 = 3 classes short (distance 3); a: 1 class + 1 item (distance 2). b and d meet the rule.
        assertThat(gaps.getList("items.unitId")).containsExactly(c, a);
        assertThat(gaps.getInt("total")).isEqualTo(2);
        assertThat(gaps.getString("items[0].reasonZh")).isEqualTo("3 类 12 项：还差 3 类");
        assertThat(gaps.getString("items[0].reasonEn")).isEqualTo("needs 3 more classes");
        assertThat(gaps.getString("items[1].reasonZh")).isEqualTo("5 类 9 项：还差 1 类 1 项");
        assertThat(gaps.getString("items[1].reasonEn")).isEqualTo("needs 1 more class and 1 more item");
        assertThat(gaps.getString("items[1].shortfalls[0].field")).isEqualTo("techniqueClasses");
        assertThat(new BigDecimal(gaps.getString("items[1].shortfalls[0].required"))).isEqualByComparingTo("6");
        assertThat(gaps.getString("items[1].countyCode")).isEqualTo("450321");
        // 2 of 4 meet, >= 100%: 4 must, so 4 - 2 = 2 more.
        assertThat(gaps.getLong("unitsToClose")).isEqualTo(2);
        assertThat(gaps.getString("closingZh")).isEqualTo("再有 2 家达标即可达到目标 ≥ 100%");

        // Aggregate ratio per unit against 阳朔县's 25%: a 1/6 = 16.7% (8.3333 points short), c 2/10 = 20% (5 short).
        JsonPath ratio = get(GUANGXI_READER, "450321/indicators/TCM_PHYSICIAN_RATIO/gaps");
        assertThat(ratio.getList("items.unitId")).containsExactly(a, c);
        assertThat(ratio.getString("items[0].reasonZh")).isEqualTo("中医类别医师数 1/6 = 16.7% < 25%");
        assertThat(ratio.getString("items[0].reasonEn")).isEqualTo("TCM-category physicians 1/6 = 16.7% < 25%");
        assertThat(ratio.getString("unitsToClose")).isNull();

        String csv = new String(given().auth().oauth2(GUANGXI_READER).queryParam("year", YEAR).accept("text/csv")
                .get("/api/v1/scorecards/4503/indicators/" + TECHNIQUE + "/gaps").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFunitId,").contains("5 类 9 项：还差 1 类 1 项");
    }

    @Test
    void gapPagesWalkedByLinkHeaderMatchOneBigPage() {
        // 兴宁区 450102, five THCs of this test alone (rule: >= 6 classes and >= 10 items):
        // r 6/7: 3 items short (distance 3); p 5/9 and q 4/10: distance 1 + 1 = 2 and 2 (a tie, by id);
        // s 6/9: 1 item (distance 1); t 6/10 meets. 1 of 5 meets: 20% < 100%, NOT_MET.
        List<String> tie = new java.util.ArrayList<>(List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
        java.util.Collections.sort(tie);
        String p = institution("450102100", 0, tie.get(0), YEAR);
        String q = institution("450102101", 0, tie.get(1), YEAR);
        String r = institution("450102102", 0, UUID.randomUUID().toString(), YEAR);
        String s = institution("450102103", 0, UUID.randomUUID().toString(), YEAR);
        String t = institution("450102104", 0, UUID.randomUUID().toString(), YEAR);
        approve(p, figures("techniqueClasses", 5, "techniqueItems", 9));
        approve(q, figures("techniqueClasses", 4, "techniqueItems", 10));
        approve(r, figures("techniqueClasses", 6, "techniqueItems", 7));
        approve(s, figures("techniqueClasses", 6, "techniqueItems", 9));
        approve(t, figures("techniqueClasses", 6, "techniqueItems", 10));
        awaitCell("450102", YEAR, TECHNIQUE, "20", "NOT_MET");

        JsonPath all = get(GUANGXI_READER, "450102/indicators/" + TECHNIQUE + "/gaps", "limit", 1000);
        assertThat(all.getList("items.unitId")).containsExactly(r, p, q, s);
        assertThat(all.getList("items.distance").stream().map(d -> new BigDecimal(d.toString()).stripTrailingZeros()
                .toPlainString())).containsExactly("3", "2", "2", "1");
        assertThat(all.getString("nextCursor")).isNull();

        // One to a page, following the Link header only: the same four in the same order, total 4 on each.
        List<String> walked = new java.util.ArrayList<>();
        String url = "/api/v1/scorecards/450102/indicators/" + TECHNIQUE + "/gaps?year=" + YEAR + "&limit=1";
        for (int page = 0; url != null; page++) {
            assertThat(page).as("pages").isLessThan(5);
            var response = given().auth().oauth2(GUANGXI_READER).get(url).then().statusCode(200).extract();
            JsonPath body = response.jsonPath();
            assertThat(body.getInt("total")).isEqualTo(4);
            walked.addAll(body.getList("items.unitId"));
            String link = response.header("Link");
            assertThat(link == null).isEqualTo(body.getString("nextCursor") == null);
            url = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
        assertThat(walked).isEqualTo(all.getList("items.unitId"));

        // CSV pages the same way: two to a page, the second from the first page's Link.
        var csv = given().auth().oauth2(GUANGXI_READER).queryParam("year", YEAR).queryParam("limit", 2)
                .accept("text/csv").get("/api/v1/scorecards/450102/indicators/" + TECHNIQUE + "/gaps")
                .then().statusCode(200).extract();
        String first = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(first.split("\r\n")).hasSize(3);   // header, r, p
        assertThat(first).contains(r).contains(p).doesNotContain(q);
        String link = csv.header("Link");
        String second = new String(given().auth().oauth2(GUANGXI_READER).accept("text/csv")
                .get(link.substring(link.indexOf('<') + 1, link.indexOf('>'))).then().statusCode(200)
                .header("Link", org.hamcrest.Matchers.nullValue()).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(second).contains(q).contains(s).doesNotContain(r);

        // A cursor is tied to its list: another division's list refuses it, and a made-up one is refused.
        given().auth().oauth2(GUANGXI_READER).queryParam("year", YEAR).queryParam("cursor", all.getString("items[0].unitId"))
                .get("/api/v1/scorecards/450102/indicators/" + TECHNIQUE + "/gaps").then().statusCode(400)
                .body("errors[0].rule", equalTo("cursor"));
        String cursor = get(GUANGXI_READER, "450102/indicators/" + TECHNIQUE + "/gaps", "limit", 1)
                .getString("nextCursor");
        given().auth().oauth2(GUANGXI_READER).queryParam("year", YEAR).queryParam("cursor", cursor)
                .get("/api/v1/scorecards/4501/indicators/" + TECHNIQUE + "/gaps").then().statusCode(400)
                .body("errors[0].rule", equalTo("cursor-filters"));
    }

    @Test
    void aScorecardIsNeverServedStaleAfterAResultOrRegistrationChange() {
        // 青秀区 450103: one THC of this test, 1 TCM physician of 4 = 25% >= 25%: MET. The last read of
        // awaitCell is kept by the scorecard cache; every read below is a single one, never retried.
        String x = institution("450103100", 0, UUID.randomUUID().toString(), YEAR);
        String report = UUID.randomUUID().toString();
        send(institutionReport(report, 1, 1, "APPROVED", x, YEAR, figures("physicians", 4, "tcmPhysicians", 1)));
        awaitCell("450103", YEAR, "TCM_PHYSICIAN_RATIO", "25", "MET");
        JsonPath before = EngineFlowTest.cell("450103", YEAR, "TCM_PHYSICIAN_RATIO");
        assertThat(new BigDecimal(before.getString("value"))).isEqualByComparingTo("25");
        // No station in the county: the stations' technique rate is judged on reading, 0 units expected.
        assertThat(EngineFlowTest.cell("450103", YEAR, "CHSS_TECHNIQUE_CAPACITY").getInt("unitsExpected")).isZero();

        // A correction, 2 of 4 = 50%: seen first through the drill-down (stored results, no cache), then
        // the scorecard must show it on its first read.
        send(institutionReport(report, 2, 2, "APPROVED", x, YEAR, figures("physicians", 4, "tcmPhysicians", 2)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(new BigDecimal(get(GUANGXI_READER, "4501/indicators/TCM_PHYSICIAN_RATIO/children")
                        .getString("items.find { it.code == '450103' }.value"))).isEqualByComparingTo("50"));
        JsonPath after = EngineFlowTest.cell("450103", YEAR, "TCM_PHYSICIAN_RATIO");
        assertThat(new BigDecimal(after.getString("value"))).isEqualByComparingTo("50");
        assertThat(after.getLong("sequence")).isEqualTo(before.getLong("sequence") + 1);

        // A station registered (no report yet) changes no stored result, only what is judged on reading:
        // 1 unit expected. Seen first in the county's institutions, then on the scorecard's first read.
        String station = UUID.randomUUID().toString();
        org.tcmeval.testing.TopicWriter.send(org.tcmeval.events.Topics.INSTITUTION_CHANGED, station,
                org.tcmeval.events.EventEnvelope.of("/institution-registry", org.tcmeval.events.EventTypes.INSTITUTION_CHANGED,
                        station, org.tcmeval.events.InstitutionChanged.VERSION, new org.tcmeval.events.InstitutionChanged(
                                station, 0, "卫生服务站 " + station.substring(0, 4), org.tcmeval.targets.InstitutionType.CHSS,
                                "450103101", "450103", java.time.LocalDate.of(YEAR, 1, 1), null)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(GUANGXI_READER, "450103/indicators/CHSS_TECHNIQUE_CAPACITY/children")
                        .getList("items.code")).containsExactly(station));
        assertThat(EngineFlowTest.cell("450103", YEAR, "CHSS_TECHNIQUE_CAPACITY").getInt("unitsExpected")).isEqualTo(1);
    }

    @Test
    void countiesAreTheUnitsOfACountyReportedRate() {
        reports();
        // 阳朔县 runs no county TCM institution, 灌阳县 one: 1 of 2 counties = 50% < Guangxi's 100%.
        EngineFlowTest.sendDivision(EngineFlowTest.divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY",
                "450321", YEAR, figures("countyRunTcmInstitutions", 0)));
        EngineFlowTest.sendDivision(EngineFlowTest.divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY",
                "450327", YEAR, figures("countyRunTcmInstitutions", 1)));
        awaitCell("4503", YEAR, "COUNTY_TCM_INSTITUTION_COVERAGE", "50", "NOT_MET");
        JsonPath gaps = get(GUANGXI_READER, "4503/indicators/COUNTY_TCM_INSTITUTION_COVERAGE/gaps");
        assertThat(gaps.getString("unitKind")).isEqualTo("COUNTY");
        assertThat(gaps.getList("items.unitId")).containsExactly("450321");
        // Rule countyRunTcmInstitutions >= 1, the county has 0: 1 short.
        assertThat(gaps.getString("items[0].reasonZh")).isEqualTo("县办中医医疗机构数 0，要求 ≥ 1：还差 1");
        assertThat(gaps.getString("items[0].reasonEn")).isEqualTo("County-run TCM institutions 0, needs >= 1: 1 more");
        // 1 of 2 met, >= 100%: 2 needed, 2 - 1 = 1 more county.
        assertThat(gaps.getLong("unitsToClose")).isEqualTo(1);
        assertThat(gaps.getString("closingEn")).isEqualTo("1 more unit meeting the rule reaches the target (>= 100%)");
    }

    @Test
    void outsideTheJurisdictionUnknownIndicatorsAndOtherShapes() {
        reports();
        given().auth().oauth2(YULIN_READER).queryParam("year", YEAR)
                .get("/api/v1/scorecards/4503/indicators/" + TECHNIQUE + "/children").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(YULIN_READER).queryParam("year", YEAR)
                .get("/api/v1/scorecards/4503/indicators/" + TECHNIQUE + "/gaps").then().statusCode(404);
        given().auth().oauth2(GUANGXI_READER).queryParam("year", YEAR)
                .get("/api/v1/scorecards/4503/indicators/NO_SUCH_INDICATOR/gaps").then().statusCode(404);
        given().auth().oauth2(GUANGXI_READER).queryParam("year", YEAR)
                .get("/api/v1/scorecards/4503/indicators/TCM_GP_DENSITY/gaps").then().statusCode(422)
                .body("errors[0].rule", equalTo("gaps-not-available-for-shape"));
        given().auth().oauth2(GUANGXI_READER).queryParam("year", 1999)
                .get("/api/v1/scorecards/4503/indicators/" + TECHNIQUE + "/children").then().statusCode(400);
    }
}
