package org.tcmeval.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tcmeval.evaluation.EngineFlowTest.awaitCell;
import static org.tcmeval.evaluation.EngineFlowTest.cell;
import static org.tcmeval.evaluation.EngineFlowTest.divisionReport;
import static org.tcmeval.evaluation.EngineFlowTest.figures;
import static org.tcmeval.evaluation.EngineFlowTest.sendDivision;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.TargetEvaluated;
import org.tcmeval.events.TargetSpec;
import org.tcmeval.targets.Condition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.Source;
import org.tcmeval.targets.Target;
import org.tcmeval.events.Topics;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TopicReader;

/**
 * Guangxi row 18 ("县域内常住人口大于30万人的县", issue 8 item 1) reads a county's residents by the
 * same rule as densities: the county report's figure, else the registry's. The answer names the
 * figure and where it came from (item 2). Year 2030 and Nanning's districts 兴宁区, 江南区, 西乡塘区
 * belong to no other test; Nanning (4501) follows Guangxi's plan, Yulin's drops the condition.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class PopulationConditionFlowTest {

    static final int YEAR = 2030;
    static final String ROW_18 = "TCM_LED_MEDICAL_COMMUNITY_COVERAGE";
    static final String CONDITION = "residentPopulation > 300000 and tcmHospitalsGrade2aOrAbove >= 1";

    @Inject
    Pool pool;

    @BeforeAll
    static void profiles() {
        EvaluationFlowTest.catalogPublishesItsProfiles();
    }

    long storedRevision(String code) {
        var rows = pool.preparedQuery("select revision from division_fact where code = $1").execute(Tuple.of(code))
                .await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? -1 : rows.iterator().next().getLong("revision");
    }

    long profileRevision(String id) {
        var rows = pool.preparedQuery("select revision from target_profile_ref where profile_id = $1")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? -1 : rows.iterator().next().getInteger("revision");
    }

    /** The scorecard cell with numbers read as decimals (JsonPath's default, float, keeps 8 digits). */
    static JsonPath exactCell(String division) {
        String body = given().auth().oauth2(EngineFlowTest.GUANGXI_READER).queryParam("year", YEAR)
                .get("/api/v1/scorecards/" + division).then().statusCode(200).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .setRootPath("indicators.find { it.indicatorCode == '" + ROW_18 + "' }");
    }

    /** A county report without residentPopulation: one grade-2A+ TCM hospital leading a 医共体 of 120,000. */
    static void countyReportWithoutPopulation(String county) {
        sendDivision(divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY", county, YEAR,
                figures("tcmHospitalsGrade2aOrAbove", 1, "tcmLedMedicalCommunities", 1,
                        "tcmLedMedicalCommunityPopulation", 120_000)));
    }

    @Test
    void row18sConditionReadsTheRegistrysResidentsWhenTheCountyReportHasNone() {
        // The registry: 兴宁区 350,000, 江南区 250,000, 西乡塘区 exactly 300,000 residents in 2030.
        DivisionFlowTest.publish(DivisionFlowTest.division("450102", 0, YEAR, 350_000));
        DivisionFlowTest.publish(DivisionFlowTest.division("450105", 0, YEAR, 250_000));
        DivisionFlowTest.publish(DivisionFlowTest.division("450107", 0, YEAR, 300_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRevision("450102") == 0
                && storedRevision("450105") == 0 && storedRevision("450107") == 0);
        countyReportWithoutPopulation("450102");
        countyReportWithoutPopulation("450105");
        countyReportWithoutPopulation("450107");

        // 350,000 > 300,000 and one grade-2A+ hospital: bound. 120,000 / 350,000 * 100 = 34.2857...% >= 30%: MET.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cell("450102", YEAR, ROW_18)
                .getString("status")).isEqualTo("MET"));
        JsonPath big = exactCell("450102");
        assertThat(big.getObject("value", BigDecimal.class))
                .isEqualByComparingTo("34.28571428571428571428571428571429");
        assertThat(new BigDecimal(big.getString("denominator"))).isEqualByComparingTo("350000");
        assertThat(new BigDecimal(big.getString("population"))).isEqualByComparingTo("350000");
        assertThat(big.getString("populationSource")).isEqualTo("REGISTRY");

        // 250,000 is not > 300,000: not applicable (before: NO_DATA, the report's missing figure), and the
        // answer quotes the condition, the registry's 250,000 and where it came from.
        awaitCell("450105", YEAR, ROW_18, null, "NOT_APPLICABLE");
        JsonPath small = cell("450105", YEAR, ROW_18);
        assertThat(small.getString("reason")).isEqualTo("DIVISION_CONDITION_NOT_MET");
        assertThat(small.getString("condition")).isEqualTo(CONDITION);
        assertThat(new BigDecimal(small.getString("actualFigures.residentPopulation"))).isEqualByComparingTo("250000");
        assertThat(new BigDecimal(small.getString("population"))).isEqualByComparingTo("250000");
        assertThat(small.getString("populationSource")).isEqualTo("REGISTRY");

        // "大于30万人" is strictly more: 300,000 itself does not bind (Condition.greaterThan, Op.GT).
        awaitCell("450107", YEAR, ROW_18, null, "NOT_APPLICABLE");
        assertThat(new BigDecimal(cell("450107", YEAR, ROW_18).getString("actualFigures.residentPopulation")))
                .isEqualByComparingTo("300000");

        // 南宁市 sums only the bound county: 120,000 / 350,000 * 100 = 34.2857...%, residents from the registry.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath city = exactCell("4501");
            assertThat(city.getObject("value", BigDecimal.class))
                    .isEqualByComparingTo("34.28571428571428571428571428571429");
            assertThat(city.getString("populationSource")).isEqualTo("REGISTRY");
        });
        // The city's counties say the same residents as their scorecards: 350,000 and 250,000, both the registry's.
        JsonPath children = given().auth().oauth2(EngineFlowTest.GUANGXI_READER).queryParam("year", YEAR)
                .get("/api/v1/scorecards/4501/indicators/" + ROW_18 + "/children").then().statusCode(200)
                .extract().jsonPath();
        assertThat(new BigDecimal(children.getString("items.find { it.code == '450102' }.population")))
                .isEqualByComparingTo("350000");
        assertThat(children.getString("items.find { it.code == '450102' }.populationSource")).isEqualTo("REGISTRY");
        assertThat(new BigDecimal(children.getString("items.find { it.code == '450105' }.population")))
                .isEqualByComparingTo("250000");
        assertThat(children.getString("division.populationSource")).isEqualTo("REGISTRY");

        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.TARGET_EVALUATED)) {
            List<TargetEvaluated> seen = EngineFlowTest.events(reader, "450105:" + ROW_18 + ":" + YEAR + ":guangxi-2022");
            TargetEvaluated last = seen.get(seen.size() - 1);
            assertThat(last.status()).isEqualTo("NOT_APPLICABLE");
            assertThat(last.population()).isEqualByComparingTo("250000");
            assertThat(last.populationSource()).isEqualTo("REGISTRY");
        }
    }

    @Test
    void theCountysOwnResidentsWinAndAreSaidToBeReported() {
        // 良庆区 reports 280,000 residents; the registry's 400,000 is not used: not applicable, REPORTED.
        DivisionFlowTest.publish(DivisionFlowTest.division("450108", 0, YEAR, 400_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRevision("450108") == 0);
        sendDivision(divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY", "450108", YEAR,
                figures("residentPopulation", 280_000, "tcmHospitalsGrade2aOrAbove", 1,
                        "tcmLedMedicalCommunityPopulation", 100_000)));
        awaitCell("450108", YEAR, ROW_18, null, "NOT_APPLICABLE");
        JsonPath c = cell("450108", YEAR, ROW_18);
        assertThat(new BigDecimal(c.getString("population"))).isEqualByComparingTo("280000");
        assertThat(c.getString("populationSource")).isEqualTo("REPORTED");
        // A density of the same report reads the same residents: no TCM GPs reported, so none; a result
        // that reads no population says nothing about one.
        assertThat(cell("450108", YEAR, "TCM_PHYSICIAN_RATIO").getString("populationSource")).isNull();
    }

    @Test
    void aPopulationChangeReJudgesACentresResultWhoseTargetBindsAboveAPopulation() {
        // 邕宁区's own plan (made up): every CHSC/THC at 6 classes and 10 items, but only in a county of more
        // than 300,000 residents. The district files no county report: the registry's residents decide.
        EvaluationFlowTest.publishProfile("yongning-population-test", "450109", 1, "guangxi-2022", List.of(
                TargetSpec.of(Target.atLeast(Indicators.CHSC_THC_TECHNIQUE_CAPACITY, "100", new Source("test", "x"))
                        .withCondition(Condition.greaterThan("residentPopulation", 300_000)))));
        DivisionFlowTest.publish(DivisionFlowTest.division("450109", 0, YEAR, 250_000));
        // Both projected before the report, so it is judged under the plan from the start (a profile arriving
        // after the report is RejudgeJobFlowTest's case, a background job with its own pace).
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRevision("450109") == 0
                && profileRevision("yongning-population-test") == 1);
        String centre = EvaluationFlowTest.institution("450109100", 0, UUID.randomUUID().toString(), YEAR);
        EvaluationFlowTest.send(EvaluationFlowTest.institutionReport(UUID.randomUUID().toString(), 1, 1, "APPROVED",
                centre, YEAR, figures("techniqueClasses", 6, "techniqueItems", 10)));
        // 250,000 is not > 300,000: the stored result is NOT_APPLICABLE, on the registry's figure. The value is
        // still shown (1 of 1 centres meets the rule: 1 / 1 * 100 = 100%); the target just does not bind. Before
        // the report lands, the cell is judged on reading with no units (value absent), so waiting for 100 waits
        // for the stored result.
        awaitCell("450109", YEAR, "CHSC_THC_TECHNIQUE_CAPACITY", "100", "NOT_APPLICABLE");
        assertThat(cell("450109", YEAR, "CHSC_THC_TECHNIQUE_CAPACITY").getString("populationSource")).isEqualTo("REGISTRY");

        // The registry corrects 2030 to 350,000: the target binds, and 1 of 1 centres meets the rule = 100%: MET.
        // Nothing but the population changed, and the district has no report of its own to re-apply.
        DivisionFlowTest.publish(DivisionFlowTest.division("450109", 1, YEAR, 350_000));
        awaitCell("450109", YEAR, "CHSC_THC_TECHNIQUE_CAPACITY", "100", "MET");
        assertThat(new BigDecimal(cell("450109", YEAR, "CHSC_THC_TECHNIQUE_CAPACITY").getString("population")))
                .isEqualByComparingTo("350000");
    }
}
