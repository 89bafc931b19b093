package org.tcmeval.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tcmeval.evaluation.EngineFlowTest.GUANGXI_READER;
import static org.tcmeval.evaluation.EngineFlowTest.awaitCell;
import static org.tcmeval.evaluation.EngineFlowTest.cell;
import static org.tcmeval.evaluation.EngineFlowTest.chosenCell;
import static org.tcmeval.evaluation.EngineFlowTest.divisionReport;
import static org.tcmeval.evaluation.EngineFlowTest.figures;
import static org.tcmeval.evaluation.EngineFlowTest.sendDivision;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MeasureReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.evaluation.fhir.Fhir;
import org.tcmeval.testing.InfraResource;

/**
 * Guangxi row 18 ("more than 300,000 residents and a grade-2A+ TCM hospital") on 南宁's counties in
 * 2033, a year no other test uses: a county ruled out by its population with its hospital figure
 * missing is NOT_APPLICABLE, one the population does not rule out is NO_DATA naming the missing
 * figure (issue 8, three-valued conditions); every place that shows the residents says where they
 * came from (scorecard, gaps, series, FHIR); and a chosen profile's scorecard follows new reports.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class PopulationEverywhereFlowTest {

    static final int YEAR = 2033;
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

    static JsonPath get(String path, Object... query) {
        var req = given().auth().oauth2(GUANGXI_READER);
        for (int i = 0; i < query.length; i += 2) {
            req = req.queryParam((String) query[i], query[i + 1]);
        }
        return req.get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void conditionsAnswerInThreeValuesAndEveryPopulationSaysWhereItCameFrom() {
        // 武鸣区 450110: the registry's 400,000 residents, a report without them (one grade-2A hospital, 100,000 covered).
        DivisionFlowTest.publish(DivisionFlowTest.division("450110", 0, YEAR, 400_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRevision("450110") == 0);
        sendDivision(divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY", "450110", YEAR,
                figures("tcmHospitalsGrade2aOrAbove", 1, "tcmLedMedicalCommunityPopulation", 100_000)));
        // 隆安县 450123: 250,000 residents reported, the hospital figure left out.
        sendDivision(divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY", "450123", YEAR,
                figures("residentPopulation", 250_000, "tcmLedMedicalCommunityPopulation", 90_000)));
        // 上林县 450125: 350,000 residents reported, the hospital figure left out.
        sendDivision(divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY", "450125", YEAR,
                figures("residentPopulation", 350_000, "tcmLedMedicalCommunityPopulation", 150_000)));

        // 400,000 > 300,000 and one hospital: bound; 100,000 / 400,000 * 100 = 25% < 30%: NOT_MET.
        awaitCell("450110", YEAR, ROW_18, "25", "NOT_MET");
        assertThat(new BigDecimal(cell("450110", YEAR, ROW_18).getString("population"))).isEqualByComparingTo("400000");
        assertThat(cell("450110", YEAR, ROW_18).getString("populationSource")).isEqualTo("REGISTRY");

        // 250,000 is not > 300,000: ruled out whatever the missing hospital figure is (before: NO_DATA).
        awaitCell("450123", YEAR, ROW_18, null, "NOT_APPLICABLE");
        JsonPath small = cell("450123", YEAR, ROW_18);
        assertThat(small.getString("reason")).isEqualTo("DIVISION_CONDITION_NOT_MET");
        assertThat(small.getString("condition")).isEqualTo(CONDITION);
        assertThat(new BigDecimal(small.getString("actualFigures.residentPopulation"))).isEqualByComparingTo("250000");
        assertThat(small.getString("actualFigures.tcmHospitalsGrade2aOrAbove")).isNull();
        assertThat(small.getString("populationSource")).isEqualTo("REPORTED");

        // 350,000 > 300,000 holds; only the hospital figure can decide: NO_DATA naming it, never a verdict.
        awaitCell("450125", YEAR, ROW_18, null, "NO_DATA");
        JsonPath open = cell("450125", YEAR, ROW_18);
        assertThat(open.getString("reason")).isEqualTo("MISSING_DIVISION_FIGURES: tcmHospitalsGrade2aOrAbove");
        assertThat(open.getString("condition")).isEqualTo(CONDITION);
        assertThat(new BigDecimal(open.getString("actualFigures.residentPopulation"))).isEqualByComparingTo("350000");

        // 南宁市 sums the bound county only (450123 excluded, 450125 undecided): 100,000 / 400,000 * 100 = 25%.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath city = cell("4501", YEAR, ROW_18);
            assertThat(new BigDecimal(city.getString("value"))).isEqualByComparingTo("25");
            assertThat(city.getString("populationSource")).isEqualTo("REGISTRY");
        });

        // Gaps: the city's population and each short county's residents with their source.
        JsonPath gaps = get("/api/v1/scorecards/4501/indicators/" + ROW_18 + "/gaps", "year", YEAR);
        assertThat(new BigDecimal(gaps.getString("population"))).isEqualByComparingTo("400000");
        assertThat(gaps.getString("populationSource")).isEqualTo("REGISTRY");
        assertThat(gaps.getList("items.unitId")).containsExactly("450110");
        assertThat(new BigDecimal(gaps.getString("items[0].population"))).isEqualByComparingTo("400000");
        assertThat(gaps.getString("items[0].populationSource")).isEqualTo("REGISTRY");
        String csv = given().auth().oauth2(GUANGXI_READER).accept("text/csv").queryParam("year", YEAR)
                .get("/api/v1/scorecards/4501/indicators/" + ROW_18 + "/gaps").then().statusCode(200).extract().asString();
        assertThat(csv).contains("population,populationSource").contains(",400000,REGISTRY");

        // Series: the year's residents and their source, as on the scorecard.
        JsonPath series = get("/api/v1/scorecards/450110/indicators/" + ROW_18 + "/series", "from", YEAR, "to", YEAR);
        assertThat(new BigDecimal(series.getString("years[0].population"))).isEqualByComparingTo("400000");
        assertThat(series.getString("years[0].populationSource")).isEqualTo("REGISTRY");
        assertThat(get("/api/v1/scorecards/450123/indicators/" + ROW_18 + "/series", "from", YEAR, "to", YEAR)
                .getString("years[0].populationSource")).isEqualTo("REPORTED");

        // FHIR: the summary report's group carries the residents extension (count, source).
        Bundle bundle = FhirExportFlowTest.parse(Bundle.class, FhirExportFlowTest.fhir(GUANGXI_READER, "MeasureReport",
                "division", "450110", "year", YEAR));
        MeasureReport report = FhirExportFlowTest.report(bundle, ROW_18);
        Extension residents = report.getGroupFirstRep().getExtensionByUrl(Fhir.RESIDENTS_EXTENSION);
        assertThat(new BigDecimal(residents.getExtensionByUrl("count").getValue().primitiveValue()))
                .isEqualByComparingTo("400000");
        assertThat(residents.getExtensionByUrl("source").getValue().primitiveValue()).isEqualTo("REGISTRY");
        assertThat(report.getText().getDivAsString()).contains("常住人口 400000（REGISTRY）");

        // The chosen profile (the one in force here) agrees with the stored result, then follows a new report:
        // 横县 450127 reports 500,000 residents, one hospital, 200,000 covered: bound, and the city becomes
        // (100,000 + 200,000) / (400,000 + 500,000) * 100 = 33.33...% >= 30%: MET, residents MIXED (one of each).
        assertThat(new BigDecimal(chosenCell("4501", YEAR, "guangxi-2022", ROW_18).getString("value")))
                .isEqualByComparingTo("25");
        sendDivision(divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY", "450127", YEAR,
                figures("residentPopulation", 500_000, "tcmHospitalsGrade2aOrAbove", 1,
                        "tcmLedMedicalCommunityPopulation", 200_000)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath chosen = chosenCell("4501", YEAR, "guangxi-2022", ROW_18);
            assertThat(chosen.getString("status")).isEqualTo("MET");
            assertThat(new BigDecimal(chosen.getString("value"))).isBetween(new BigDecimal("33.333"),
                    new BigDecimal("33.334"));
            assertThat(chosen.getString("populationSource")).isEqualTo("MIXED");
        });
        JsonPath province = chosenCell("45", YEAR, "guangxi-2022", ROW_18);
        assertThat(new BigDecimal(province.getString("population"))).isEqualByComparingTo("900000");
    }
}
