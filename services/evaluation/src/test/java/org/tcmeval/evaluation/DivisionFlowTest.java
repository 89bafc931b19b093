package org.tcmeval.evaluation;

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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.DivisionChanged;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.TargetEvaluated;
import org.tcmeval.events.Topics;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TopicReader;
import org.tcmeval.testing.TopicWriter;

/**
 * Populations reach evaluation only as the registry's {@code division-changed} events (issue 8):
 * a county report without residentPopulation is judged against the registry's residents of its
 * year, and follows them when they change. The year 2011 belongs to no other test.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class DivisionFlowTest {

    static final String COUNTY = "450922";
    static final String DENSITY = "TCM_GP_DENSITY";

    @Inject
    Pool pool;

    @BeforeAll
    static void profiles() {
        EvaluationFlowTest.catalogPublishesItsProfiles();
    }

    /** The registry's side of the seam: a division's full state, as its outbox publishes it. */
    static EventEnvelope<DivisionChanged> division(String code, long revision, Object... yearResidents) {
        TreeMap<Integer, Long> population = new TreeMap<>();
        for (int i = 0; i < yearResidents.length; i += 2) {
            population.put((Integer) yearResidents[i], ((Number) yearResidents[i + 1]).longValue());
        }
        return EventEnvelope.of("/institution-registry", EventTypes.DIVISION_CHANGED, code, DivisionChanged.VERSION,
                new DivisionChanged(code, revision, "陆川县", "COUNTY", code.substring(0, 4), "县", population));
    }

    static void publish(EventEnvelope<DivisionChanged> e) {
        TopicWriter.send(Topics.DIVISION_CHANGED, e.data().code(), e);
    }

    long storedRevision(String code) {
        var rows = pool.preparedQuery("select revision from division_fact where code = $1").execute(Tuple.of(code))
                .await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? -1 : rows.iterator().next().getLong("revision");
    }

    @Test
    void aCountyReportWithoutResidentsIsJudgedOnTheRegistrysPopulationAndFollowsItsChanges() {
        int year = 2011;
        // 陆川县 files its county figures without residentPopulation: 15 qualified TCM GPs.
        sendDivision(divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY", COUNTY, year,
                figures("tcmGeneralPractitioners", 15, "countyRunTcmInstitutions", 1)));
        // Another figure of the same report is judged, so the report has been applied; the density has no
        // denominator yet and shows no value.
        awaitCell(COUNTY, year, "COUNTY_TCM_INSTITUTION_COVERAGE", "100", "MET");
        assertThat(cell(COUNTY, year, DENSITY).getString("value")).isNull();

        // The registry publishes 陆川县 with 300,000 residents in 2011 (and 2010, which no report reads):
        // 15 GPs / 300,000 residents * 10,000 = 0.5 per 10k, inside Guangxi's 0.4..0.7: MET.
        long start = System.nanoTime();
        publish(division(COUNTY, 0, 2010, 290_000, year, 300_000));
        awaitCell(COUNTY, year, DENSITY, "0.5", "MET");
        System.out.printf("MEASURE: division-changed to re-judged density in %d ms (polled every 200 ms)%n",
                (System.nanoTime() - start) / 1_000_000);
        JsonPath met = cell(COUNTY, year, DENSITY);
        assertThat(new BigDecimal(met.getString("numerator"))).isEqualByComparingTo("15");
        assertThat(new BigDecimal(met.getString("denominator"))).isEqualByComparingTo("300000");
        // The city 玉林市 (4509) sums the county's registry residents the same way: 15 / 300,000 * 10,000 = 0.5.
        awaitValue("4509", year, "0.5");

        // A later census corrects 2011 to 400,000: 15 / 400,000 * 10,000 = 0.375 < 0.4: NOT_MET, county and city.
        publish(division(COUNTY, 1, 2010, 290_000, year, 400_000));
        awaitCell(COUNTY, year, DENSITY, "0.375", "NOT_MET");
        awaitValue("4509", year, "0.375");
        long sequence = cell(COUNTY, year, DENSITY).getLong("sequence");

        // Re-delivery of both revisions changes nothing. A newer revision that only changes 2010 (no report
        // of 2010 to re-apply) is the marker that the two were consumed: same key, same partition, in order.
        publish(division(COUNTY, 0, 2010, 290_000, year, 300_000));
        publish(division(COUNTY, 1, 2010, 290_000, year, 400_000));
        publish(division(COUNTY, 2, 2010, 295_000, year, 400_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRevision(COUNTY) == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonPath c = cell(COUNTY, year, DENSITY);
            assertThat(new BigDecimal(c.getString("value"))).isEqualByComparingTo("0.375");
            assertThat(c.getLong("sequence")).isEqualTo(sequence);
        });
        var population = pool.preparedQuery("select year, residents from division_fact_population"
                        + " where division_code = $1 order by year").execute(Tuple.of(COUNTY))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(population).extracting(r -> r.getInteger("year") + "=" + r.getLong("residents"))
                .containsExactly("2010=295000", "2011=400000");

        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.TARGET_EVALUATED)) {
            // No value, then 0.5 MET, then 0.375 NOT_MET: the replays in between announced nothing.
            List<TargetEvaluated> seen = EngineFlowTest.events(reader, COUNTY + ":" + DENSITY + ":" + year + ":"
                    + met.getString("profileId"));
            assertThat(seen).extracting(TargetEvaluated::status).endsWith("MET", "NOT_MET");
            assertThat(seen.get(seen.size() - 1).denominator()).isEqualByComparingTo("400000");
        }
    }

    @Test
    void theReportsOwnResidentsWinOverTheRegistrys() {
        int year = 2011;
        String county = "450103";   // 青秀区 (Nanning), outside 玉林市 so the city sums above stay the county's
        publish(EventEnvelope.of("/institution-registry", EventTypes.DIVISION_CHANGED, county, DivisionChanged.VERSION,
                new DivisionChanged(county, 0, "青秀区", "COUNTY", "4501", "市辖区", new TreeMap<>(java.util.Map.of(year, 1_500_000L)))));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRevision(county) == 0);
        sendDivision(divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY", county, year,
                figures("tcmGeneralPractitioners", 60, "residentPopulation", 1_200_000)));
        // 60 GPs / 1,200,000 reported residents * 10,000 = 0.5 (the registry's 1,500,000 would give 0.4).
        awaitCell(county, year, DENSITY, "0.5", "MET");
        assertThat(new BigDecimal(cell(county, year, DENSITY).getString("denominator"))).isEqualByComparingTo("1200000");
    }

    /** The city's value only: its status depends on how many of its counties reported, which is not this test's. */
    static void awaitValue(String division, int year, String value) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String v = cell(division, year, DENSITY).getString("value");
            assertThat(v).isNotNull();
            assertThat(new BigDecimal(v)).isEqualByComparingTo(value);
        });
    }
}
