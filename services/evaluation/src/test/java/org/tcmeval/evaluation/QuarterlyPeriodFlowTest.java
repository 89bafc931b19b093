package org.tcmeval.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tcmeval.evaluation.EngineFlowTest.GUANGXI_READER;
import static org.tcmeval.evaluation.EngineFlowTest.awaitCell;
import static org.tcmeval.evaluation.EngineFlowTest.cell;
import static org.tcmeval.evaluation.EvaluationFlowTest.institution;
import static org.tcmeval.evaluation.EvaluationFlowTest.institutionReport;
import static org.tcmeval.evaluation.EvaluationFlowTest.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.testing.InfraResource;

/**
 * Issue 8 item 4: quarterly reports count for no indicator (every target is annual), and a result read
 * for a quarter says so instead of showing the year's figures or NO_DATA. 马山县 (450124) and the year
 * 2032 belong to no other test.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class QuarterlyPeriodFlowTest {

    static final int YEAR = 2032;
    static final String COUNTY = "450124";

    @BeforeAll
    static void profiles() {
        EvaluationFlowTest.catalogPublishesItsProfiles();
    }

    @Test
    void aQuarterlyReportCountsForNothingAndAQuarterIsRefusedByName() {
        String a = institution("450124100", 0, UUID.randomUUID().toString(), YEAR);
        // The second quarter's report first (8 TCM physicians of 8), then the annual one (2 of 8), same key:
        // consumed in that order. Only the annual counts: 2 / 8 = 25% >= Guangxi's 25%: MET (with both it
        // would be (8 + 2) / (8 + 8) = 62.5%).
        String quarterly = UUID.randomUUID().toString();
        send(EventEnvelope.of("/reporting", EventTypes.REPORT_SUBMITTED, quarterly, ReportSubmitted.VERSION,
                new ReportSubmitted(quarterly, 1, 1, "INSTITUTION", a, a, "THC", "450124100", YEAR, YEAR + "-Q2",
                        "APPROVED", Map.of("physicians", BigDecimal.valueOf(8), "tcmPhysicians", BigDecimal.valueOf(8)),
                        List.of(), OffsetDateTime.now(), OffsetDateTime.now())));
        send(institutionReport(UUID.randomUUID().toString(), 1, 1, "APPROVED", a, YEAR,
                Map.of("physicians", BigDecimal.valueOf(8), "tcmPhysicians", BigDecimal.valueOf(2))));
        awaitCell(COUNTY, YEAR, "TCM_PHYSICIAN_RATIO", "25", "MET");
        assertThat(cell(COUNTY, YEAR, "TCM_PHYSICIAN_RATIO").getLong("unitsDecided")).isEqualTo(1);

        // The quarter: a problem naming the parameter and the rule, not the year's 25% and not NO_DATA.
        given().auth().oauth2(GUANGXI_READER).queryParam("year", YEAR).queryParam("period", YEAR + "-Q2")
                .get("/api/v1/scorecards/" + COUNTY).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("period")).body("errors[0].rule", equalTo("annual-periods-only"));
        // The year as the period is the year; a period of another year is refused.
        given().auth().oauth2(GUANGXI_READER).queryParam("year", YEAR).queryParam("period", String.valueOf(YEAR))
                .get("/api/v1/scorecards/" + COUNTY).then().statusCode(200).body("year", equalTo(YEAR));
        given().auth().oauth2(GUANGXI_READER).queryParam("year", YEAR - 1).queryParam("period", String.valueOf(YEAR))
                .get("/api/v1/scorecards/" + COUNTY).then().statusCode(400)
                .body("errors[0].field", equalTo("period")).body("errors[0].rule", equalTo("matches-year"));
        // A quarter without the year: still a problem (the year is required), never a result.
        given().auth().oauth2(GUANGXI_READER).queryParam("period", YEAR + "-Q2").get("/api/v1/scorecards/" + COUNTY)
                .then().statusCode(400).body("errors[0].field", equalTo("year"));
        // Series are yearly: a quarter as `from` is a 400 naming it, never a series of annual figures.
        given().auth().oauth2(GUANGXI_READER).queryParam("from", YEAR + "-Q1").queryParam("to", YEAR)
                .get("/api/v1/scorecards/" + COUNTY + "/indicators/TCM_PHYSICIAN_RATIO/series").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
    }
}
