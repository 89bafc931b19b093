package org.tcmeval.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tcmeval.evaluation.EvaluationFlowTest.institution;
import static org.tcmeval.evaluation.EvaluationFlowTest.institutionReport;
import static org.tcmeval.evaluation.EvaluationFlowTest.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.events.TargetEvaluated;
import org.tcmeval.events.Topics;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;
import org.tcmeval.testing.TopicReader;
import org.tcmeval.testing.TopicWriter;

/**
 * Every computation shape through the service (issue 8), with the counting rule, statuses that say
 * why, and replay. Every expected value is worked out by hand from the rule in domain.md. Each test
 * has its own year and counties, apart from {@link EvaluationFlowTest}'s.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class EngineFlowTest {

    static final String GUANGXI_READER = TestTokens.token("45", "dashboard-reader");

    @BeforeAll
    static void profiles() {
        EvaluationFlowTest.catalogPublishesItsProfiles();
    }

    static JsonPath cell(String division, int year, String indicator) {
        return given().auth().oauth2(GUANGXI_READER).queryParam("year", year).get("/api/v1/scorecards/" + division)
                .then().statusCode(200).extract().jsonPath()
                .setRootPath("indicators.find { it.indicatorCode == '" + indicator + "' }");
    }

    static JsonPath chosenCell(String division, int year, String profile, String indicator) {
        return given().auth().oauth2(GUANGXI_READER).queryParam("year", year).queryParam("profile", profile)
                .get("/api/v1/scorecards/" + division).then().statusCode(200)
                .body("chosenProfile", org.hamcrest.Matchers.equalTo(profile)).extract().jsonPath()
                .setRootPath("indicators.find { it.indicatorCode == '" + indicator + "' }");
    }

    static void awaitCell(String division, int year, String indicator, String value, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath c = cell(division, year, indicator);
            assertThat(c.getString("status")).as(division + " " + indicator).isEqualTo(status);
            if (value == null) {
                assertThat(c.getString("value")).isNull();
            } else {
                // Absent is a failed assertion, so the wait goes on (a NullPointerException would end it at once).
                assertThat(c.getString("value")).as(division + " " + indicator + " value").isNotNull();
                assertThat(new BigDecimal(c.getString("value"))).isEqualByComparingTo(value);
            }
        });
    }

    static EventEnvelope<ReportSubmitted> divisionReport(String reportId, int revision, String status, String kind,
            String division, int year, Map<String, BigDecimal> figures) {
        return EventEnvelope.of("/reporting", EventTypes.REPORT_SUBMITTED, reportId, ReportSubmitted.VERSION,
                new ReportSubmitted(reportId, 1, revision, kind, division, null, null, division, year,
                        String.valueOf(year), status, figures, List.of(), OffsetDateTime.now(), OffsetDateTime.now()));
    }

    static void sendDivision(EventEnvelope<ReportSubmitted> e) {
        TopicWriter.send(Topics.REPORT_SUBMITTED, e.data().reporterId(), e);
    }

    static Map<String, BigDecimal> figures(Object... kv) {
        var m = new java.util.LinkedHashMap<String, BigDecimal>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], new BigDecimal(String.valueOf(kv[i + 1])));
        }
        return m;
    }

    /** target-evaluated records of one key, in sequence order. */
    static List<TargetEvaluated> events(TopicReader reader, String key) {
        return reader.drain(Duration.ofSeconds(2)).stream().filter(r -> key.equals(r.key()))
                .map(ConsumerRecord::value).map(v -> EventJson.read(v, TargetEvaluated.class).data())
                .sorted(Comparator.comparingLong(TargetEvaluated::sequence)).toList();
    }

    @Test
    void onlyApprovedFiguresCountAndAReturnWithdrawsThem() {
        int year = 2023;
        String x = institution("450981100", 0, UUID.randomUUID().toString(), year);   // the only THC of 北流市 in 2023
        String r = UUID.randomUUID().toString();
        var v1 = figures("physicians", 8, "tcmPhysicians", 2, "hasTcmClinicArea", 1);
        var v2 = figures("physicians", 8, "tcmPhysicians", 1, "hasTcmClinicArea", 1);
        send(institutionReport(r, 1, 1, "SUBMITTED", x, year, v1));   // not reviewed yet: does not count
        send(institutionReport(r, 1, 2, "APPROVED", x, year, v1));
        // 2 TCM physicians / 8 physicians = 25%, Guangxi >= 25%: MET; 1 of 1 THC expected has decided: 100%.
        awaitCell("450981", year, "TCM_PHYSICIAN_RATIO", "25", "MET");
        assertThat(cell("450981", year, "TCM_PHYSICIAN_RATIO").getString("completeness")).isEqualTo("100");
        // Compliance rate: 1 of 1 THC has a 中医馆 and >= 1 TCM physician = 100%, Guangxi row 5 >= 100%: MET.
        awaitCell("450981", year, "CHSC_THC_TCM_CLINIC_AREA_AND_PHYSICIAN", "100", "MET");

        send(institutionReport(r, 2, 3, "SUBMITTED", x, year, v2));   // a correction, not approved yet
        send(institutionReport(r, 2, 4, "APPROVED", x, year, v2));
        // 1 / 8 = 12.5% < 25%: NOT_MET once the correction is approved.
        awaitCell("450981", year, "TCM_PHYSICIAN_RATIO", "12.5", "NOT_MET");

        send(institutionReport(r, 2, 5, "RETURNED", x, year, v2));
        // Returned: the report no longer counts; nothing decides the ratio, but the target still shows.
        awaitCell("450981", year, "TCM_PHYSICIAN_RATIO", null, "NO_DATA");
        JsonPath c = cell("450981", year, "TCM_PHYSICIAN_RATIO");
        assertThat(new BigDecimal(c.getString("threshold"))).isEqualByComparingTo("25");
        assertThat(c.getString("profileId")).isEqualTo("guangxi-2022");
        assertThat(c.getLong("unitsDecided")).isZero();
        assertThat(c.getLong("unitsExpected")).isEqualTo(1);

        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.TARGET_EVALUATED)) {
            // Revisions 1 and 3 (submitted, not approved) were consumed before 2 and 4 on the same
            // partition, and changed nothing: exactly three outcomes were announced.
            List<TargetEvaluated> seen = events(reader, "450981:TCM_PHYSICIAN_RATIO:" + year + ":guangxi-2022");
            assertThat(seen).extracting(TargetEvaluated::status).containsExactly("MET", "NOT_MET", "NO_DATA");
            assertThat(seen.get(1).numerator()).isEqualByComparingTo("1");
            assertThat(seen.get(1).denominator()).isEqualByComparingTo("8");
            assertThat(seen.get(1).completeness()).isEqualByComparingTo("100");
        }
    }

    @Test
    void replayingTheSameEventsChangesNothingAndAnnouncesNothing() {
        int year = 2017;
        String x = institution("450981101", 0, UUID.randomUUID().toString(), year);
        String r = UUID.randomUUID().toString();
        var submitted = institutionReport(r, 1, 1, "SUBMITTED", x, year, figures("physicians", 10, "tcmPhysicians", 3));
        var approved = institutionReport(r, 1, 2, "APPROVED", x, year, figures("physicians", 10, "tcmPhysicians", 3));
        send(submitted);
        send(approved);
        awaitCell("450981", year, "TCM_PHYSICIAN_RATIO", "30", "MET");            // 3 / 10 = 30% >= 25%
        long sequence = cell("450981", year, "TCM_PHYSICIAN_RATIO").getLong("sequence");
        // Re-delivery of both, then a newer approved version on the same key (same partition, so it is
        // consumed after the replayed ones) as a marker: 2 / 10 = 20% < 25%.
        send(submitted);
        send(approved);
        send(institutionReport(r, 2, 3, "APPROVED", x, year, figures("physicians", 10, "tcmPhysicians", 2)));
        awaitCell("450981", year, "TCM_PHYSICIAN_RATIO", "20", "NOT_MET");
        assertThat(cell("450981", year, "TCM_PHYSICIAN_RATIO").getLong("sequence")).isEqualTo(sequence + 1);
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.TARGET_EVALUATED)) {
            // 30% MET, then 20% NOT_MET: the replay in between announced nothing.
            assertThat(events(reader, "450981:TCM_PHYSICIAN_RATIO:" + year + ":guangxi-2022"))
                    .extracting(TargetEvaluated::value).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("30"), new BigDecimal("20"));
        }
    }

    /**
     * Judging keeps a province's operating institutions counted in memory (OperatingInstitutions):
     * institutions registered after a count must be in the next judgement of a result nobody stored
     * yet, which no registration re-judges.
     */
    @Test
    void institutionsRegisteredAfterAJudgementAreExpectedInTheNext() {
        int year = 2010;   // no other test registers institutions in 2010
        String a = institution("450981100", 0, UUID.randomUUID().toString(), year);
        send(institutionReport(UUID.randomUUID().toString(), 1, 1, "APPROVED", a, year,
                figures("physicians", 8, "tcmPhysicians", 2)));
        // 2 / 8 = 25% >= 25%, 1 of 1 THC: MET. Guangxi's operating institutions of 2010 are now counted.
        awaitCell("450981", year, "TCM_PHYSICIAN_RATIO", "25", "MET");
        String b = institution("450923100", 0, UUID.randomUUID().toString(), year);
        institution("450923101", 0, UUID.randomUUID().toString(), year);
        institution("450923102", 0, UUID.randomUUID().toString(), year);
        send(institutionReport(UUID.randomUUID().toString(), 1, 1, "APPROVED", b, year,
                figures("physicians", 10, "tcmPhysicians", 3)));
        // 3 / 10 = 30%, but 1 of the 3 THCs registered in 450923 since (33.3% < 50%): INCOMPLETE. A count
        // kept from before they were registered would expect none there.
        awaitCell("450923", year, "TCM_PHYSICIAN_RATIO", "30", "INCOMPLETE");
        assertThat(cell("450923", year, "TCM_PHYSICIAN_RATIO").getLong("unitsExpected")).isEqualTo(3);
        // The province: 2 of 4 THCs (a, b and b's two neighbours) = 50%, judged: (2 + 3) / (8 + 10) = 27.8% >= 25%.
        // Province results are judged by the roll-up drain, up to one drain interval after the county's.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath province = cell("45", year, "TCM_PHYSICIAN_RATIO");
            assertThat(province.getLong("unitsExpected")).isEqualTo(4);
            assertThat(province.getLong("unitsDecided")).isEqualTo(2);
        });
    }

    @Test
    void tooFewReportsAreIncompleteNotJudged() {
        int year = 2015;
        String a = institution("450923100", 0, UUID.randomUUID().toString(), year);
        institution("450923101", 0, UUID.randomUUID().toString(), year);
        institution("450923102", 0, UUID.randomUUID().toString(), year);
        send(institutionReport(UUID.randomUUID().toString(), 1, 1, "APPROVED", a, year,
                figures("physicians", 8, "tcmPhysicians", 2)));
        // 2 / 8 = 25% would meet >= 25%, but 1 of 3 THCs (33.3%) is below the 50% minimum: INCOMPLETE.
        awaitCell("450923", year, "TCM_PHYSICIAN_RATIO", "25", "INCOMPLETE");
        JsonPath c = cell("450923", year, "TCM_PHYSICIAN_RATIO");
        assertThat(c.getLong("unitsDecided")).isEqualTo(1);
        assertThat(c.getLong("unitsExpected")).isEqualTo(3);
        assertThat(new BigDecimal(c.getString("completeness"))).isBetween(new BigDecimal("33.33"), new BigDecimal("33.34"));
    }

    @Test
    void aCountyReportFeedsDensityCoverageAndRow18() {
        int year = 2016;
        // 北流市 (Yulin): 250,000 residents, 12 TCM GPs, 1 county-run TCM institution, 1 grade-2A+ TCM
        // hospital leading a medical community covering 100,000 residents.
        sendDivision(divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY", "450981", year,
                figures("residentPopulation", 250000, "tcmGeneralPractitioners", 12, "countyRunTcmInstitutions", 1,
                        "tcmHospitalsGrade2aOrAbove", 1, "tcmLedMedicalCommunityPopulation", 100000)));
        // Density: 12 GPs / 250,000 residents * 10,000 = 0.48 per 10k, inside Guangxi's 0.4..0.7: MET.
        awaitCell("450981", year, "TCM_GP_DENSITY", "0.48", "MET");
        // County compliance rate: 1 of 1 county has >= 1 county-run TCM institution = 100% >= 100%: MET,
        // in the county and rolled up into the city.
        awaitCell("450981", year, "COUNTY_TCM_INSTITUTION_COVERAGE", "100", "MET");
        awaitCell("4509", year, "COUNTY_TCM_INSTITUTION_COVERAGE", "100", "MET");
        // Row 18 in Yulin (no population condition, only >= 1 grade-2A+ TCM hospital, which it has):
        // 100,000 / 250,000 = 40% >= 30%: MET.
        awaitCell("450981", year, "TCM_LED_MEDICAL_COMMUNITY_COVERAGE", "40", "MET");
        assertThat(cell("450981", year, "TCM_LED_MEDICAL_COMMUNITY_COVERAGE").getString("profileId"))
                .isEqualTo("yulin-2022");
        // The province judges the same county against its own plan (issue 8, item 6): Guangxi's row 18
        // needs > 300,000 residents, and 250,000 is not: NOT_APPLICABLE, with the figure that fails it.
        JsonPath underGuangxi = chosenCell("450981", year, "guangxi-2022", "TCM_LED_MEDICAL_COMMUNITY_COVERAGE");
        assertThat(underGuangxi.getString("status")).isEqualTo("NOT_APPLICABLE");
        assertThat(underGuangxi.getString("profileId")).isEqualTo("guangxi-2022");
        assertThat(underGuangxi.getString("condition")).contains("residentPopulation > 300000");
        // The county is outside the condition, so nothing is summed or judged: no value (as 兴宁区 below).
        assertThat(underGuangxi.getString("value")).isNull();
        // An indicator both plans set alike: 12 / 250,000 * 10,000 = 0.48 per 10k within 0.4..0.7 either way.
        JsonPath density = chosenCell("450981", year, "guangxi-2022", "TCM_GP_DENSITY");
        assertThat(new BigDecimal(density.getString("value"))).isEqualByComparingTo("0.48");
        assertThat(density.getString("status")).isEqualTo("MET");
        // ... while the scorecard without a choice still shows Yulin's verdict, and the chosen one is not stored.
        assertThat(cell("450981", year, "TCM_LED_MEDICAL_COMMUNITY_COVERAGE").getString("status")).isEqualTo("MET");
        // Yulin's plan asked of itself gives the stored verdict again: 40% >= 30%.
        assertThat(chosenCell("450981", year, "yulin-2022", "TCM_LED_MEDICAL_COMMUNITY_COVERAGE").getString("status"))
                .isEqualTo("MET");
        // A profile must cover the division and be in force.
        given().auth().oauth2(GUANGXI_READER).queryParam("year", year).queryParam("profile", "yulin-2022")
                .get("/api/v1/scorecards/450102").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("profile"))
                .body("errors[0].rule", org.hamcrest.Matchers.equalTo("covers-division"));
        given().auth().oauth2(GUANGXI_READER).queryParam("year", year).queryParam("profile", "no-such-plan")
                .get("/api/v1/scorecards/450981").then().statusCode(422)
                .body("errors[0].rule", org.hamcrest.Matchers.equalTo("known-profile"));

        // 兴宁区 (Nanning, Guangxi's own row 18): the same figures, but 250,000 is not > 300,000.
        sendDivision(divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "COUNTY", "450102", year,
                figures("residentPopulation", 250000, "tcmGeneralPractitioners", 12, "countyRunTcmInstitutions", 1,
                        "tcmHospitalsGrade2aOrAbove", 1, "tcmLedMedicalCommunityPopulation", 100000)));
        awaitCell("450102", year, "TCM_GP_DENSITY", "0.48", "MET");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath c = cell("450102", year, "TCM_LED_MEDICAL_COMMUNITY_COVERAGE");
            assertThat(c.getString("status")).isEqualTo("NOT_APPLICABLE");
            assertThat(c.getString("reason")).isEqualTo("DIVISION_CONDITION_NOT_MET");
            assertThat(c.getString("condition")).contains("residentPopulation > 300000");
            assertThat(new BigDecimal(c.getString("actualFigures.residentPopulation"))).isEqualByComparingTo("250000");
            assertThat(c.getString("profileId")).isEqualTo("guangxi-2022");
            assertThat(new BigDecimal(c.getString("threshold"))).isEqualByComparingTo("30");
        });
    }

    @Test
    void aCitysOwnFigureAndACountAreJudgedAtTheProfilesDivisionOnly() {
        int year = 2014;
        // Qinzhou reports its citizens' TCM health-culture literacy: 26% >= the plan's 25%: MET.
        sendDivision(divisionReport(UUID.randomUUID().toString(), 1, "APPROVED", "CITY", "4507", year,
                figures("tcmHealthCultureLiteracy", 26)));
        awaitCell("4507", year, "TCM_HEALTH_CULTURE_LITERACY", "26", "MET");
        // Guangxi sets no literacy target: the province has none to judge.
        assertThat(cell("45", year, "TCM_HEALTH_CULTURE_LITERACY").getString("status")).isEqualTo("NO_TARGET");

        // Count: one county TCM hospital registered at grade 2A in 钦南区, reporting (approved).
        String h = UUID.randomUUID().toString();
        TopicWriter.send(Topics.INSTITUTION_CHANGED, h, EventEnvelope.of("/institution-registry",
                EventTypes.INSTITUTION_CHANGED, h, InstitutionChanged.VERSION, new InstitutionChanged(h, 0, "钦南区中医医院",
                        InstitutionType.COUNTY_TCM_HOSPITAL, "450702", "450702", LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31), null, null, "PUBLIC", HospitalGrade.GRADE_2A, null)));
        EventEnvelope<ReportSubmitted> report = EventEnvelope.of("/reporting", EventTypes.REPORT_SUBMITTED, h,
                ReportSubmitted.VERSION, new ReportSubmitted(UUID.randomUUID().toString(), 1, 1, "INSTITUTION", h, h,
                        "COUNTY_TCM_HOSPITAL", "450702", year, String.valueOf(year), "APPROVED",
                        figures("physicians", 40, "tcmPhysicians", 30), List.of(), OffsetDateTime.now(),
                        OffsetDateTime.now()));
        TopicWriter.send(Topics.REPORT_SUBMITTED, h, report);
        // 1 county TCM hospital at grade 2A or above (registry grade) < Qinzhou's 2: NOT_MET, at 4507 only.
        awaitCell("4507", year, "COUNTY_TCM_HOSPITALS_AT_GRADE_2A", "1", "NOT_MET");
        JsonPath county = cell("450702", year, "COUNTY_TCM_HOSPITALS_AT_GRADE_2A");
        assertThat(county.getString("status")).isEqualTo("NOT_APPLICABLE");
        assertThat(county.getString("reason")).isEqualTo("JUDGED_AT_PROFILE_DIVISION");
        assertThat(county.getString("condition")).isEqualTo("4507");
    }

    @Test
    void fortyCentresRollUpExactlyAndTheTimeItTakesIsPrinted() {
        int year = 2013;
        int n = 40;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String id = institution("450924" + String.format("%03d", 100 + i), 0, UUID.randomUUID().toString(), year);
            send(institutionReport(UUID.randomUUID().toString(), 1, 1, "APPROVED", id, year,
                    figures("physicians", 10, "tcmPhysicians", i % 4)));
        }
        // TCM physicians 0, 1, 2, 3 repeated ten times = 10 * 6 = 60 of 40 * 10 = 400 physicians: 15% < 25%,
        // with all 40 expected THCs decided (100%).
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath c = cell("450924", year, "TCM_PHYSICIAN_RATIO");
            assertThat(c.getLong("unitsDecided")).isEqualTo(n);
            assertThat(new BigDecimal(c.getString("value"))).isEqualByComparingTo("15");
            assertThat(c.getString("status")).isEqualTo("NOT_MET");
        });
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("MEASURE: %d institution registrations + %d approved reports applied end to end in %d ms"
                + " (%.1f ms per report)%n", n, n, ms, (double) ms / n);
        awaitCell("45", year, "TCM_PHYSICIAN_RATIO", "15", "NOT_MET");
    }

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    /**
     * The incremental invariant, on whatever the other tests left behind: every division's sums (with
     * the roll-up deltas not yet folded into a city's or the province's) equal the sum of the stored
     * contributions that name the division, exactly, for every indicator, year and filter key.
     * Contributions, county sums and deltas change in one transaction, so any snapshot must agree.
     */
    @Test
    void everyDivisionsSumsEqualARecomputeFromTheStoredContributions() {
        String sql = """
                with expanded as (
                    select unnest(string_to_array(divisions, ',')) as division_code, indicator_code, year, filter_key,
                           numerator, denominator, units, excluded, missing_facts, registry_population_units
                    from unit_contribution),
                recomputed as (
                    select division_code, indicator_code, year, filter_key, sum(numerator) as n, sum(denominator) as d,
                           sum(units) as u, sum(excluded) as e, sum(missing_facts) as m,
                           sum(registry_population_units) as r
                    from expanded group by division_code, indicator_code, year, filter_key),
                stored as (
                    select division_code, indicator_code, year, filter_key, sum(numerator) as numerator,
                           sum(denominator) as denominator, sum(units) as units, sum(excluded) as excluded,
                           sum(missing_facts) as missing_facts, sum(registry_population_units) as registry_population_units
                    from (select division_code, indicator_code, year, filter_key, numerator, denominator, units,
                                 excluded, missing_facts, registry_population_units from division_sums
                          union all
                          select division_code, indicator_code, year, filter_key, numerator, denominator, units,
                                 excluded, missing_facts, registry_population_units from rollup_delta
                          where filter_key is not null) x
                    group by division_code, indicator_code, year, filter_key)
                select count(*) filter (where coalesce(s.numerator, 0) <> coalesce(c.n, 0)
                           or coalesce(s.denominator, 0) <> coalesce(c.d, 0) or coalesce(s.units, 0) <> coalesce(c.u, 0)
                           or coalesce(s.excluded, 0) <> coalesce(c.e, 0) or coalesce(s.missing_facts, 0) <> coalesce(c.m, 0)
                           or coalesce(s.registry_population_units, 0) <> coalesce(c.r, 0)) as differing,
                       count(*) as compared
                from stored s full join recomputed c using (division_code, indicator_code, year, filter_key)
                """;
        // A city's and the province's sums are division_sums plus the deltas RollupDrain has not folded yet
        // (the poll writes both in the transaction that writes the contributions): one statement, one
        // snapshot, so the check does not depend on when the drain last ran.
        // Some reports first, so there is something to compare even when this test runs first.
        String x = institution("450921101", 0, UUID.randomUUID().toString(), 2012);
        send(institutionReport(UUID.randomUUID().toString(), 1, 1, "APPROVED", x, 2012,
                figures("physicians", 6, "tcmPhysicians", 3)));
        awaitCell("450921", 2012, "TCM_PHYSICIAN_RATIO", "50", "MET");          // 3 / 6 = 50% >= 25%
        var row = pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next();
        System.out.printf("MEASURE: %d sums rows compared with a recompute from contributions%n", row.getLong("compared"));
        assertThat(row.getLong("compared")).isPositive();
        assertThat(row.getLong("differing")).isZero();
    }
}
