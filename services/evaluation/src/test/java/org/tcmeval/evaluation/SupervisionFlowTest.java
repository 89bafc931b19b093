package org.tcmeval.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static org.tcmeval.evaluation.EngineFlowTest.figures;
import static org.tcmeval.evaluation.EvaluationFlowTest.institution;
import static org.tcmeval.evaluation.EvaluationFlowTest.institutionReport;
import static org.tcmeval.evaluation.EvaluationFlowTest.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.evaluation.supervision.SupervisionDraw;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;

/**
 * Issue 9: supervision plans of Inner Mongolia (15) and 呼和浩特 (1501) for 2007, drawn from stored
 * results. Inner Mongolia and 2007 belong to no other test, so the province holds exactly these
 * five counties and nine THCs.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class SupervisionFlowTest {

    static final String REGION_ADMIN = TestTokens.token("15", "province-admin");
    static final String HOHHOT_ADMIN = TestTokens.token("1501", "city-admin");
    static final String BAOTOU_READER = TestTokens.token("1502", "dashboard-reader");
    static final String GUANGXI_READER = TestTokens.token("45", "dashboard-reader");
    static final int YEAR = 2007;

    static String a1;
    static String a2;
    static String b1;
    static List<String> clean = new ArrayList<>();
    static boolean ready;

    @BeforeAll
    static void profiles() {
        EvaluationFlowTest.catalogPublishesItsProfiles();
    }

    static synchronized void reports() {
        if (ready) {
            return;
        }
        // Every THC: 10 physicians and a 中医馆. Inner Mongolia: technique capacity (6 classes, 10 items) >= 100%,
        // 中医馆 with a TCM physician >= 100%, TCM physician ratio >= 25%.
        a1 = thc("150102100", 0, 3, 5);     // fails both rules (0 TCM physicians; 3 classes 5 items): 2 gaps
        a2 = thc("150102101", 2, 5, 9);     // fails technique capacity: 1 gap
        clean.add(thc("150102102", 3, 6, 10));
        b1 = thc("150103100", 0, 6, 10);    // no TCM physician, so fails 中医馆 + physician: 1 gap
        clean.add(thc("150103101", 3, 6, 10));
        clean.add(thc("150104100", 3, 6, 10));
        clean.add(thc("150104101", 3, 6, 10));
        thc("150202100", 3, 6, 10);
        thc("150203100", 3, 6, 10);
        // 150102: ratio (0 + 2 + 3) / 30 = 16.7%, technique 1 of 3, 中医馆 2 of 3: three NOT_MET.
        // 150103: ratio (0 + 3) / 20 = 15%, technique 2 of 2 (MET), 中医馆 1 of 2: two NOT_MET.
        // 150104: 6 / 20 = 30%, 2 of 2, 2 of 2: all MET. 150202 and 150203: 3 / 10 = 30%, 1 of 1, 1 of 1: all MET.
        awaitCell("150102", "CHSC_THC_TECHNIQUE_CAPACITY", "NOT_MET", null);
        awaitCell("150103", "CHSC_THC_TCM_CLINIC_AREA_AND_PHYSICIAN", "NOT_MET", "50");
        awaitCell("150104", "TCM_PHYSICIAN_RATIO", "MET", "30");
        awaitCell("150202", "TCM_PHYSICIAN_RATIO", "MET", "30");
        awaitCell("150203", "TCM_PHYSICIAN_RATIO", "MET", "30");
        // 呼和浩特: (5 + 3 + 6) / 70 = 14 / 70 = 20% < 25%.
        awaitCell("1501", "TCM_PHYSICIAN_RATIO", "NOT_MET", "20");
        ready = true;
    }

    /** As EngineFlowTest.awaitCell, read with the region's token. */
    static void awaitCell(String division, String indicator, String status, String value) {
        await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath c = given().auth().oauth2(REGION_ADMIN).queryParam("year", YEAR).get("/api/v1/scorecards/" + division)
                    .then().statusCode(200).extract().jsonPath()
                    .setRootPath("indicators.find { it.indicatorCode == '" + indicator + "' }");
            assertThat(c.getString("status")).as(division + " " + indicator).isEqualTo(status);
            if (value != null) {
                assertThat(new java.math.BigDecimal(c.getString("value"))).isEqualByComparingTo(value);
            }
        });
    }

    static String thc(String township, int tcm, int classes, int items) {
        String id = institution(township, 0, UUID.randomUUID().toString(), YEAR);
        send(institutionReport(UUID.randomUUID().toString(), 1, 1, "APPROVED", id, YEAR, figures("physicians", 10,
                "tcmPhysicians", tcm, "hasTcmClinicArea", 1, "techniqueClasses", classes, "techniqueItems", items)));
        return id;
    }

    static JsonPath plan(String token, String division, Object... query) {
        var req = given().auth().oauth2(token).queryParam("year", YEAR);
        for (int i = 0; i < query.length; i += 2) {
            req = req.queryParam((String) query[i], query[i + 1]);
        }
        return req.get("/api/v1/supervision-plans/" + division).then().statusCode(200).extract().jsonPath();
    }

    static String lowestDraw(long seed, List<String> codes) {
        return codes.stream().min((x, y) -> Long.compareUnsigned(SupervisionDraw.drawNumber(seed, x),
                SupervisionDraw.drawNumber(seed, y))).orElseThrow();
    }

    @Test
    void theRegionSupervisesEveryCityAndSixtyPercentOfCountiesWorstFirst() {
        reports();
        JsonPath p = plan(REGION_ADMIN, "15", "seed", 11);
        assertThat(p.getString("level")).isEqualTo("PROVINCE");
        assertThat(p.getLong("seed")).isEqualTo(11);
        assertThat(p.getString("seedSource")).isEqualTo("GIVEN");
        // Cities: both, the one with gaps first.
        assertThat(p.getList("required.items.code")).containsExactly("1501", "1502");
        assertThat(p.getList("required.items.reason")).containsOnly("ALL_REQUIRED");
        assertThat(p.getInt("required.quota")).isEqualTo(2);
        // Counties: 5 known, ⌈0.6 · 5⌉ = ⌈3.0⌉ = 3 places: 150102 (3 NOT_MET), 150103 (2), then one of the three
        // without gaps, the lowest draw number for seed 11.
        assertThat(p.getInt("drawn.candidates")).isEqualTo(5);
        assertThat(p.getInt("drawn.quota")).isEqualTo(3);
        assertThat(p.getInt("drawn.worstGapPlaces")).isEqualTo(2);
        assertThat(p.getInt("drawn.drawnPlaces")).isEqualTo(1);
        assertThat(p.getList("drawn.items.reason")).containsExactly("WORST_GAP", "WORST_GAP", "DRAWN");
        assertThat(p.getList("drawn.items.gaps")).containsExactly(3, 2, 0);
        List<String> noGaps = List.of("150104", "150202", "150203");
        assertThat(p.getString("drawn.items[2].code")).isEqualTo(lowestDraw(11, noGaps));
        assertThat(p.getList("drawn.items.code").subList(0, 2)).containsExactly("150102", "150103");
        assertThat(p.getString("drawn.items[0].reasonEn")).isEqualTo("worst gaps first: 3 indicators NOT_MET in the stored results");
        assertThat(p.getString("drawn.items[0].reasonZh")).isEqualTo("差距优先：3 项指标未达标（已存储结果）");
        assertThat(p.getString("drawn.items[2].reasonEn")).isEqualTo("drawn at random: seed 11, draw number "
                + p.getString("drawn.items[2].drawNumber"));

        // The same seed and year: the same plan. Without a seed: the default, the same at every call.
        assertThat(plan(REGION_ADMIN, "15", "seed", 11).prettify()).isEqualTo(p.prettify());
        JsonPath byDefault = plan(REGION_ADMIN, "15");
        assertThat(byDefault.getString("seedSource")).isEqualTo("DEFAULT");
        assertThat(byDefault.getLong("seed")).isEqualTo(SupervisionDraw.defaultSeed("15", YEAR));
        assertThat(plan(REGION_ADMIN, "15").prettify()).isEqualTo(byDefault.prettify());
        // Another seed draws another county: the first seed after 11 whose lowest draw differs.
        long other = java.util.stream.LongStream.range(12, 200)
                .filter(s -> !lowestDraw(s, noGaps).equals(lowestDraw(11, noGaps))).findFirst().orElseThrow();
        JsonPath redrawn = plan(REGION_ADMIN, "15", "seed", other);
        assertThat(redrawn.getString("drawn.items[2].code")).isEqualTo(lowestDraw(other, noGaps))
                .isNotEqualTo(p.getString("drawn.items[2].code"));
        assertThat(redrawn.getList("drawn.items.code").subList(0, 2)).containsExactly("150102", "150103");
    }

    @Test
    void theCitySupervisesEveryCountyAndSixtyPercentOfItsInstitutionsPageByPage() {
        reports();
        JsonPath p = plan(HOHHOT_ADMIN, "1501", "seed", 2024, "limit", 2);
        assertThat(p.getString("level")).isEqualTo("CITY");
        assertThat(p.getList("required.items.code")).containsExactly("150102", "150103", "150104");
        assertThat(p.getList("required.items.gaps")).containsExactly(3, 2, 0);
        assertThat(p.getString("required.items[2].reasonZh")).isEqualTo("全覆盖：每个县（市、区）均须督导");
        // 7 THCs, ⌈0.6 · 7⌉ = ⌈4.2⌉ = 5: a1 (2 rules failed), a2 and b1 (1 each), then two of the four clean ones.
        assertThat(p.getInt("drawn.candidates")).isEqualTo(7);
        assertThat(p.getInt("drawn.quota")).isEqualTo(5);
        assertThat(p.getInt("drawn.worstGapPlaces")).isEqualTo(3);
        List<Object> codes = new ArrayList<>(p.getList("drawn.items.code"));
        List<Object> reasons = new ArrayList<>(p.getList("drawn.items.reason"));
        List<Object> gaps = new ArrayList<>(p.getList("drawn.items.gaps"));
        // Three per-unit rules decided for a1: technique capacity (failed), 中医馆 with a TCM physician (failed) and
        // 中医馆 alone (met); the rest need figures its report does not give.
        assertThat(p.getInt("drawn.items[0].judged")).isEqualTo(3);
        String cursor = p.getString("drawn.nextCursor");
        int pages = 1;
        while (cursor != null) {
            JsonPath next = plan(HOHHOT_ADMIN, "1501", "seed", 2024, "limit", 2, "cursor", cursor);
            assertThat(next.getList("required.items.code")).hasSize(3);
            codes.addAll(next.getList("drawn.items.code"));
            reasons.addAll(next.getList("drawn.items.reason"));
            gaps.addAll(next.getList("drawn.items.gaps"));
            cursor = next.getString("drawn.nextCursor");
            pages++;
        }
        assertThat(pages).isEqualTo(3);   // 2 + 2 + 1
        assertThat(codes).hasSize(5).doesNotHaveDuplicates();
        assertThat(codes.get(0)).isEqualTo(a1);
        assertThat(codes.subList(1, 3)).containsExactlyInAnyOrder(a2, b1);
        assertThat(gaps).containsExactly(2, 1, 1, 0, 0);
        assertThat(reasons).containsExactly("WORST_GAP", "WORST_GAP", "WORST_GAP", "DRAWN", "DRAWN");
        List<String> drawn = clean.stream().sorted((x, y) -> Long.compareUnsigned(SupervisionDraw.drawNumber(2024, x),
                SupervisionDraw.drawNumber(2024, y))).limit(2).toList();
        assertThat(codes.subList(3, 5)).containsExactlyElementsOf(drawn);

        // The whole plan as one sheet: header, 3 counties, 5 institutions.
        String csv = new String(given().auth().oauth2(HOHHOT_ADMIN).queryParam("year", YEAR).queryParam("seed", 2024)
                .accept("text/csv").get("/api/v1/supervision-plans/1501").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(9);
        assertThat(lines[0]).startsWith("\uFEFFtier,rank,unitKind,code,");
        assertThat(lines[1]).startsWith("REQUIRED,1,COUNTY,150102,");
        assertThat(lines[4]).startsWith("DRAWN,1,INSTITUTION," + a1 + ",").contains("差距优先：2 项单位达标规则未满足");
    }

    @Test
    void badParametersAndOtherJurisdictions() {
        given().auth().oauth2(HOHHOT_ADMIN).queryParam("year", YEAR).get("/api/v1/supervision-plans/150102").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(HOHHOT_ADMIN).queryParam("year", YEAR).queryParam("seed", -1)
                .get("/api/v1/supervision-plans/1501").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(HOHHOT_ADMIN).get("/api/v1/supervision-plans/1501").then().statusCode(400);
        given().auth().oauth2(HOHHOT_ADMIN).queryParam("year", YEAR).queryParam("cursor", "nonsense")
                .get("/api/v1/supervision-plans/1501").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        // A cursor of seed 2024 reused with another seed.
        String cursor = plan(HOHHOT_ADMIN, "1501", "seed", 2024, "limit", 1).getString("drawn.nextCursor");
        // The Link header names the same next page as drawn.nextCursor, with the other parameters kept.
        String link = given().auth().oauth2(HOHHOT_ADMIN).queryParam("year", YEAR).queryParam("seed", 2024)
                .queryParam("limit", 1).get("/api/v1/supervision-plans/1501").then().statusCode(200)
                .extract().header("Link");
        assertThat(link).endsWith(">; rel=\"next\"").contains("/api/v1/supervision-plans/1501?")
                .contains("seed=2024").contains("limit=1").contains("cursor=" + cursor);
        given().auth().oauth2(HOHHOT_ADMIN).queryParam("year", YEAR).queryParam("seed", 2025).queryParam("cursor", cursor)
                .get("/api/v1/supervision-plans/1501").then().statusCode(400)
                .body("errors[0].rule", equalTo("cursor-filters"));
        // Outside the jurisdiction: 404 as for a division that does not exist.
        given().auth().oauth2(BAOTOU_READER).queryParam("year", YEAR).get("/api/v1/supervision-plans/1501").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(HOHHOT_ADMIN).queryParam("year", YEAR).get("/api/v1/supervision-plans/15").then()
                .statusCode(404);
        given().auth().oauth2(GUANGXI_READER).queryParam("year", YEAR).get("/api/v1/supervision-plans/15").then()
                .statusCode(404);
    }
}
