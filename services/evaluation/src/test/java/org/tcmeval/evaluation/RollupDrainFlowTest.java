package org.tcmeval.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tcmeval.evaluation.EngineFlowTest.awaitCell;
import static org.tcmeval.evaluation.EngineFlowTest.cell;
import static org.tcmeval.evaluation.EngineFlowTest.divisionReport;
import static org.tcmeval.evaluation.EngineFlowTest.figures;
import static org.tcmeval.evaluation.EngineFlowTest.sendDivision;
import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.evaluation.service.RollupDrain;
import org.tcmeval.testing.InfraResource;

/**
 * The city and province sums are folded by RollupDrain, not by the polls (issue 8): whatever has been
 * committed, the sums plus the deltas not yet folded are exactly the units' contributions, and a city's
 * result follows its sums once they are drained. Drains here run only when the test asks (the
 * schedule's intervals are an hour), so the state between two drains can be looked at. Years 2051 and
 * 2052 belong to no other test.
 */
@QuarkusTest
@TestProfile(RollupDrainFlowTest.ManualDrain.class)
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class RollupDrainFlowTest {

    public static class ManualDrain implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tcm.evaluation.rollup.delay", "1h", "tcm.evaluation.rollup.min-interval", "1h",
                    "tcm.evaluation.rollup.max-interval", "1h");
        }
    }

    static final String DENSITY = "TCM_GP_DENSITY";
    static final List<String> COUNTIES = List.of("450902", "450903", "450921", "450922", "450702", "450721");

    @Inject
    Pool pool;

    @Inject
    RollupDrain drain;

    @BeforeAll
    static void profiles() {
        EvaluationFlowTest.catalogPublishesItsProfiles();
    }

    /**
     * Per key above the county, the stored sums plus the unfolded deltas against the sum of the
     * contributions that name the division, read in one statement (one snapshot): the keys that differ.
     */
    long mismatches(int year) {
        String tally = "sum(numerator) n, sum(denominator) dn, sum(units) u, sum(excluded) e, sum(missing_facts) m,"
                + " sum(registry_population_units) r";
        String sql = "with expected as (select d division_code, indicator_code, filter_key, " + tally
                + " from unit_contribution, unnest(string_to_array(divisions, ',')) d where year = $1 and length(d) < 6"
                + " group by 1, 2, 3),"
                + " actual as (select division_code, indicator_code, filter_key, " + tally + " from ("
                + " select division_code, indicator_code, filter_key, numerator, denominator, units, excluded,"
                + " missing_facts, registry_population_units from division_sums where year = $1 and length(division_code) < 6"
                + " union all select division_code, indicator_code, filter_key, numerator, denominator, units, excluded,"
                + " missing_facts, registry_population_units from rollup_delta where year = $1 and filter_key is not null"
                + ") x group by 1, 2, 3)"
                + " select count(*) from expected x full join actual a on x.division_code = a.division_code"
                + " and x.indicator_code = a.indicator_code and x.filter_key = a.filter_key"
                + " where coalesce(x.n, 0) <> coalesce(a.n, 0) or coalesce(x.dn, 0) <> coalesce(a.dn, 0)"
                + " or coalesce(x.u, 0) <> coalesce(a.u, 0) or coalesce(x.e, 0) <> coalesce(a.e, 0)"
                + " or coalesce(x.m, 0) <> coalesce(a.m, 0) or coalesce(x.r, 0) <> coalesce(a.r, 0)";
        return single(sql, year);
    }

    long single(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).iterator()
                .next().getLong(0);
    }

    long deltas(int year) {
        return single("select count(*) from rollup_delta where year = $1", year);
    }

    @Test
    void sumsPlusUnfoldedDeltasAreTheContributionsWhateverHasBeenDrained() throws Exception {
        int year = 2051;
        Random random = new Random(20261201);   // fixed: a failure replays the same history
        Map<String, Integer> revisions = new HashMap<>();
        List<String> reports = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        // Seven rounds, drained after the odd ones: the last round (6) is never drained by the loop, so
        // deltas are left at the end whatever the timing (a drain after the last round could fold it whole).
        for (int round = 0; round < 7; round++) {
            // One report per county, corrected from round to round: figures, and whether it counts, move both ways.
            for (int i = 0; i < reports.size(); i++) {
                int revision = revisions.merge(reports.get(i), 1, Integer::sum);
                String status = random.nextInt(4) == 0 ? "RETURNED" : "APPROVED";
                sendDivision(divisionReport(reports.get(i), revision, status, "COUNTY", COUNTIES.get(i), year,
                        figures("tcmGeneralPractitioners", random.nextInt(40), "residentPopulation",
                                100_000 + random.nextInt(400_000), "countyRunTcmInstitutions", random.nextInt(2))));
            }
            // Checked while polls are still applying this round: every committed snapshot holds the property.
            for (int look = 0; look < 5; look++) {
                assertThat(mismatches(year)).as("round %d, look %d", round, look).isZero();
                Thread.sleep(40);
            }
            if (round % 2 == 1) {
                drain.drainNow(Duration.ofSeconds(30));
                assertThat(mismatches(year)).as("round %d after a drain", round).isZero();
            }
        }
        int sumOfRevisions = revisions.values().stream().mapToInt(Integer::intValue).sum();   // 6 reports x 7 = 42
        await().atMost(Duration.ofSeconds(60)).until(() -> single("select coalesce(sum(revision), 0) from report_ref"
                + " where year = $1", year) == sumOfRevisions);
        assertThat(mismatches(year)).isZero();
        assertThat(deltas(year)).as("deltas of the last round, not drained yet").isPositive();
        drain.drainNow(Duration.ofSeconds(30));
        assertThat(deltas(year)).isZero();
        assertThat(mismatches(year)).as("the sums alone, once drained").isZero();
    }

    @Test
    void aCityResultIsJudgedAgainWhenItsDeltasAreDrainedAndSaysWhatIsPendingUntilThen() throws Exception {
        int year = 2052;
        // 北流市 (450981) alone in 玉林市 (4509) this year: 15 GPs / 300,000 residents * 10,000 = 0.5 per 10k.
        sendDivision(divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY", "450981", year,
                figures("tcmGeneralPractitioners", 15, "residentPopulation", 300_000)));
        awaitCell("450981", year, DENSITY, "0.5", "MET");
        assertThat(cell("4509", year, DENSITY).getString("value")).as("not drained: no city value yet").isNull();
        assertThat(pending("4509", year)).as("the county's poll is not in the city's sums").isEqualTo(1);
        assertThat(pending("450981", year)).as("a county's sums are never pending").isZero();
        assertThat(childrenPending("4509", year)).as("the city's counties, listed beside an undrained city row")
                .isEqualTo(1);
        assertThat(childrenPending("45", year)).as("the province's cities: 4509's delta is below it").isEqualTo(1);
        assertThat(childrenPending("450981", year)).isZero();
        assertThat(fhirStatuses("4509", year)).as("FHIR: the city's reports are still being generated")
                .containsOnly("pending");
        assertThat(fhirStatuses("450981", year)).containsOnly("complete");
        assertThat(seriesPending("4509", year)).as("the city's year in its series").isEqualTo(1);
        assertThat(seriesCsvPending("4509", year)).as("and in the series' CSV").isEqualTo("1");

        drain.drainNow(Duration.ofSeconds(30));
        // The city's sums are the county's: 15 / 300,000 * 10,000 = 0.5.
        assertThat(new BigDecimal(cell("4509", year, DENSITY).getString("value"))).isEqualByComparingTo("0.5");
        assertThat(pending("4509", year)).isZero();
        assertThat(childrenPending("45", year)).as("drained for the city and the province").isZero();
        assertThat(fhirStatuses("4509", year)).containsOnly("complete");
        assertThat(seriesPending("4509", year)).isZero();
        assertThat(seriesCsvPending("4509", year)).isEqualTo("0");
        long sequence = cell("4509", year, DENSITY).getLong("sequence");

        // 容县 (450921) joins: (15 + 5) / (300,000 + 200,000) * 10,000 = 0.4 for the city, once drained.
        sendDivision(divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY", "450921", year,
                figures("tcmGeneralPractitioners", 5, "residentPopulation", 200_000)));
        // 5 / 200,000 * 10,000 = 0.25 < 0.4: the county is NOT_MET.
        awaitCell("450921", year, DENSITY, "0.25", "NOT_MET");
        assertThat(new BigDecimal(cell("4509", year, DENSITY).getString("value"))).isEqualByComparingTo("0.5");
        assertThat(pending("4509", year)).isEqualTo(1);
        drain.drainNow(Duration.ofSeconds(30));
        assertThat(new BigDecimal(cell("4509", year, DENSITY).getString("value"))).isEqualByComparingTo("0.4");
        assertThat(cell("4509", year, DENSITY).getLong("sequence")).isEqualTo(sequence + 1);
        assertThat(pending("4509", year)).isZero();
    }

    /** The series' `pending` for the one year asked for. */
    static long seriesPending(String division, int year) {
        return given().auth().oauth2(EngineFlowTest.GUANGXI_READER).queryParam("from", year).queryParam("to", year)
                .get("/api/v1/scorecards/" + division + "/indicators/" + DENSITY + "/series").then().statusCode(200)
                .extract().jsonPath().getLong("years[0].pending");
    }

    /** The last column, {@code pending}, of the series CSV's one REPORTED line. */
    static String seriesCsvPending(String division, int year) {
        String csv = new String(given().auth().oauth2(EngineFlowTest.GUANGXI_READER).queryParam("from", year)
                .queryParam("to", year).accept("text/csv").get("/api/v1/scorecards/" + division + "/indicators/"
                        + DENSITY + "/series").then().statusCode(200).extract().asByteArray(),
                java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).endsWith(",pending");
        String reported = java.util.Arrays.stream(lines).filter(l -> l.startsWith("REPORTED,")).findFirst().orElseThrow();
        return reported.substring(reported.lastIndexOf(',') + 1);
    }

    /** The status of every summary MeasureReport of the division's FHIR export. */
    static java.util.List<String> fhirStatuses(String division, int year) {
        return given().auth().oauth2(EngineFlowTest.GUANGXI_READER).accept("application/json")
                .queryParam("division", division).queryParam("year", year).get("/api/v1/fhir/MeasureReport").then()
                .statusCode(200).extract().jsonPath().getList("entry.resource.status", String.class);
    }

    static long childrenPending(String division, int year) {
        return given().auth().oauth2(EngineFlowTest.GUANGXI_READER).queryParam("year", year)
                .get("/api/v1/scorecards/" + division + "/indicators/" + DENSITY + "/children").then().statusCode(200)
                .extract().jsonPath().getLong("pending");
    }

    static long pending(String division, int year) {
        return given().auth().oauth2(EngineFlowTest.GUANGXI_READER).queryParam("year", year)
                .get("/api/v1/scorecards/" + division).then().statusCode(200).extract().jsonPath().getLong("pending");
    }
}
