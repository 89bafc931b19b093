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
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;

/**
 * Issue 9: one indicator of 灵山县 (450721, Qinzhou) year by year, with Qinzhou's baseline and the
 * projection to 2025. The years 2001-2006 and 灵山县 belong to no other test.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class SeriesFlowTest {

    static final String GUANGXI_READER = TestTokens.token("45", "dashboard-reader");
    static final String QINZHOU_READER = TestTokens.token("4507", "dashboard-reader");
    static final String YULIN_READER = TestTokens.token("4509", "dashboard-reader");
    static final String COUNTY = "450721";
    static final String ELDERLY = "ELDERLY_TCM_HEALTH_MANAGEMENT_RATE";
    static final String SERIES = "/api/v1/scorecards/" + COUNTY + "/indicators/" + ELDERLY + "/series";

    static boolean ready;

    @BeforeAll
    static void profiles() {
        EvaluationFlowTest.catalogPublishesItsProfiles();
    }

    static synchronized void reports() {
        if (ready) {
            return;
        }
        // 2001: three THCs operate, one reports 700 of 1000 elderly residents managed: 1 of 3 decided = 33.3% < 50%,
        // so the 70% is shown but INCOMPLETE.
        String first = institution("450721100", 0, UUID.randomUUID().toString(), 2001);
        institution("450721101", 0, UUID.randomUUID().toString(), 2001);
        institution("450721102", 0, UUID.randomUUID().toString(), 2001);
        approve(first, 2001, 700);
        // 2002-2005: one THC a year, 710, 712, 711, 715 of 1000: 71%, 71.2%, 71.1%, 71.5%, each < Qinzhou's 75%.
        int[] managed = {710, 712, 711, 715};
        for (int k = 0; k < managed.length; k++) {
            int year = 2002 + k;
            approve(institution("450721103", 0, UUID.randomUUID().toString(), year), year, managed[k]);
        }
        awaitCell(COUNTY, 2001, ELDERLY, "70", "INCOMPLETE");
        awaitCell(COUNTY, 2002, ELDERLY, "71", "NOT_MET");
        awaitCell(COUNTY, 2003, ELDERLY, "71.2", "NOT_MET");
        awaitCell(COUNTY, 2004, ELDERLY, "71.1", "NOT_MET");
        awaitCell(COUNTY, 2005, ELDERLY, "71.5", "NOT_MET");
        ready = true;
    }

    static void approve(String institutionId, int year, int managed) {
        send(institutionReport(UUID.randomUUID().toString(), 1, 1, "APPROVED", institutionId, year,
                figures("elderlyTcmManaged", managed, "elderlyResidents", 1000)));
    }

    static JsonPath series(String token, int from, int to) {
        return given().auth().oauth2(token).queryParam("from", from).queryParam("to", to).get(SERIES).then()
                .statusCode(200).extract().jsonPath();
    }

    static BigDecimal dec(JsonPath j, String path) {
        return new BigDecimal(j.getString(path));
    }

    @Test
    void yearsBaselineAndAProjectionToTheDeadline() {
        reports();
        JsonPath s = series(QINZHOU_READER, 2001, 2006);
        assertThat(s.getString("unit")).isEqualTo("PERCENT");
        assertThat(s.getList("years.year")).containsExactly(2001, 2002, 2003, 2004, 2005, 2006);
        assertThat(s.getList("years.status")).containsExactly("INCOMPLETE", "NOT_MET", "NOT_MET", "NOT_MET", "NOT_MET",
                "NOT_COMPUTED");
        assertThat(s.getList("years.inProjection")).containsExactly(false, true, true, true, true, false);
        assertThat(dec(s, "years[0].value")).isEqualByComparingTo("70");            // 700 / 1000, INCOMPLETE
        assertThat(dec(s, "years[0].completeness")).isBetween(new BigDecimal("33.33"), new BigDecimal("33.34"));
        assertThat(dec(s, "years[2].value")).isEqualByComparingTo("71.2");          // 712 / 1000
        assertThat(dec(s, "years[2].numerator")).isEqualByComparingTo("712");
        assertThat(dec(s, "years[2].denominator")).isEqualByComparingTo("1000");
        assertThat(dec(s, "years[2].threshold")).isEqualByComparingTo("75");
        assertThat(s.getString("years[2].profileId")).isEqualTo("qinzhou-2023");
        assertThat(s.getString("years[5].reason")).startsWith("NOT_STORED");
        assertThat(s.getString("years[5].value")).isNull();

        // Qinzhou's plan: 2020 value 71.82%, >= 75% by 2025 (row 20). The baseline is the city's, not the county's.
        assertThat(s.getString("target.profileId")).isEqualTo("qinzhou-2023");
        assertThat(s.getString("target.comparator")).isEqualTo("AT_LEAST");
        assertThat(s.getInt("target.deadlineYear")).isEqualTo(2025);
        assertThat(s.getString("target.sourceLocation")).isEqualTo("专栏1 主要发展指标 第20项");
        assertThat(s.getInt("baseline.year")).isEqualTo(2020);
        assertThat(dec(s, "baseline.value")).isEqualByComparingTo("71.82");
        assertThat(s.getString("baseline.divisionCode")).isEqualTo("4507");
        assertThat(s.getBoolean("baseline.ofThisDivision")).isFalse();

        // Fitted on 2002-2005 (2001 is INCOMPLETE): x̄ = 2003.5, ȳ = (71 + 71.2 + 71.1 + 71.5) / 4 = 284.8 / 4 = 71.2;
        // x − x̄ = −1.5, −0.5, 0.5, 1.5; y − ȳ = −0.2, 0, −0.1, 0.3; Σ = 0.3 + 0 − 0.05 + 0.45 = 0.7; Σ(x − x̄)² = 5;
        // slope 0.7 / 5 = 0.14 a year; 2025: 71.2 + 0.14 · (2025 − 2003.5) = 71.2 + 0.14 · 21.5 = 71.2 + 3.01 = 74.21 < 75.
        assertThat(s.getString("projection.kind")).isEqualTo("PROJECTION");
        assertThat(s.getString("projection.verdict")).isEqualTo("OFF_TRACK");
        assertThat(s.getInt("projection.year")).isEqualTo(2025);
        assertThat(dec(s, "projection.value")).isEqualByComparingTo("74.21");
        assertThat(dec(s, "projection.slopePerYear")).isEqualByComparingTo("0.14");
        assertThat(s.getInt("projection.points")).isEqualTo(4);
        assertThat(s.getInt("projection.firstYear")).isEqualTo(2002);
        assertThat(s.getInt("projection.lastYear")).isEqualTo(2005);
        assertThat(s.getString("projection.zh")).isEqualTo(
                "按 2002–2005 年 4 个数据线性外推（预测值，非实际结果）：2025 年约 74.21，目标 ≥ 75，按此趋势难以达标");
        assertThat(s.getString("projection.notProjectedBecause")).isNull();

        // The province reads the same county.
        assertThat(series(GUANGXI_READER, 2001, 2006).getList("years.status")).hasSize(6);
    }

    @Test
    void oneValueIsNoLine() {
        reports();
        // 2005-2006: only 2005 has a value.
        JsonPath s = series(QINZHOU_READER, 2005, 2006);
        assertThat(s.getString("projection.verdict")).isEqualTo("NOT_PROJECTED");
        assertThat(s.getString("projection.notProjectedBecause")).isEqualTo("FEWER_THAN_TWO_VALUES");
        assertThat(s.getString("projection.value")).isNull();
        assertThat(s.getString("projection.en")).isEqualTo(
                "only 1 year(s) with a usable value (a line needs 2), so no projection");
        // Guangxi's TCM physician ratio (>= 25%) has no baseline, and nothing is stored for it here.
        JsonPath ratio = given().auth().oauth2(QINZHOU_READER).queryParam("from", 2001).queryParam("to", 2006)
                .get("/api/v1/scorecards/" + COUNTY + "/indicators/TCM_PHYSICIAN_RATIO/series").then().statusCode(200)
                .extract().jsonPath();
        assertThat(ratio.getString("baseline")).isNull();
        assertThat(ratio.getString("target.profileId")).isEqualTo("guangxi-2022");
        assertThat(ratio.getString("projection.notProjectedBecause")).isEqualTo("FEWER_THAN_TWO_VALUES");
    }

    @Test
    void csvLabelsEveryLine() {
        reports();
        String csv = new String(given().auth().oauth2(QINZHOU_READER).queryParam("from", 2001).queryParam("to", 2006)
                .accept("text/csv").get(SERIES).then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        // Header, BASELINE, six REPORTED years, PROJECTION.
        assertThat(lines).hasSize(9);
        assertThat(lines[0]).startsWith("\uFEFFkind,divisionCode,indicatorCode,year,");
        assertThat(lines[1]).startsWith("BASELINE,4507," + ELDERLY + ",2020,,71.82,");
        assertThat(lines[3]).startsWith("REPORTED,450721," + ELDERLY + ",2002,NOT_MET,71");
        assertThat(lines[8]).startsWith("PROJECTION,450721," + ELDERLY + ",2025,OFF_TRACK,74.21,");
    }

    @Test
    void badRangesOutsideTheJurisdictionAndUnknownIndicators() {
        given().auth().oauth2(QINZHOU_READER).queryParam("from", 2006).queryParam("to", 2001).get(SERIES).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"))
                .body("errors[0].rule", equalTo("from-not-after-to"));
        // 2000-2030 is 31 years.
        given().auth().oauth2(QINZHOU_READER).queryParam("from", 2000).queryParam("to", 2030).get(SERIES).then()
                .statusCode(400).body("errors[0].field", equalTo("to")).body("errors[0].rule", equalTo("at-most-30-years"));
        given().auth().oauth2(QINZHOU_READER).queryParam("to", 2006).get(SERIES).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(QINZHOU_READER).queryParam("from", 1999).queryParam("to", 2006).get(SERIES).then()
                .statusCode(400);
        given().auth().oauth2(YULIN_READER).queryParam("from", 2001).queryParam("to", 2006).get(SERIES).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(QINZHOU_READER).queryParam("from", 2001).queryParam("to", 2006)
                .get("/api/v1/scorecards/" + COUNTY + "/indicators/NO_SUCH_INDICATOR/series").then().statusCode(404);
        // The drill-down next to it still answers (two resources share the /scorecards prefix).
        given().auth().oauth2(QINZHOU_READER).queryParam("year", 2005)
                .get("/api/v1/scorecards/" + COUNTY + "/indicators/" + ELDERLY + "/children").then().statusCode(200);
    }
}
