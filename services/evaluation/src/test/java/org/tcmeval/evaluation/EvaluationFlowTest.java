package org.tcmeval.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.tcmeval.events.TargetProfileChanged;
import org.tcmeval.events.TargetSpec;
import org.tcmeval.targets.CanonicalProfiles;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.Nature;
import org.tcmeval.targets.Source;
import org.tcmeval.targets.TargetProfile;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.events.TargetEvaluated;
import org.tcmeval.events.Topics;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.OpenApiContract;
import org.tcmeval.testing.TestTokens;
import org.tcmeval.testing.TopicReader;
import org.tcmeval.testing.TopicWriter;

/**
 * Drives evaluation only through its input topics, as the registry and reporting would, and reads
 * results back through the scorecard API and the target-evaluated topic. Each test uses its own
 * year so the county sums of one test do not leak into another; its institutions operate in that
 * year only, so the expected units (completeness) of one test do not leak either. Reports are
 * APPROVED, since under the default counting rule only approved figures count.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class EvaluationFlowTest {

    static final String YULIN_READER = TestTokens.token("4509", "dashboard-reader");
    static final String GUANGXI_READER = TestTokens.token("45", "dashboard-reader");
    static final String RONG_READER = TestTokens.token("450921", "dashboard-reader");
    static final String RATIO = "TCM_PHYSICIAN_RATIO";

    /**
     * The catalog's side of the seam: every canonical profile published as the catalog publishes
     * it, in force from 2000 so that the test years (2010-2022) are judged by it.
     */
    @BeforeAll
    static void catalogPublishesItsProfiles() {
        for (TargetProfile p : CanonicalProfiles.ALL) {
            publishProfile(p.id(), p.divisionCode(), 1, p.parentId(), p.targets().stream().map(TargetSpec::of).toList());
        }
    }

    static void publishProfile(String id, String division, int revision, String parent, List<TargetSpec> targets) {
        var data = new TargetProfileChanged(id, division, revision, List.of(new TargetProfileChanged.Revision(revision,
                2000, parent, targets, "catalog-admin", OffsetDateTime.now())));
        TopicWriter.send(Topics.CATALOG_CHANGED, id, EventEnvelope.of("/indicator-catalog", EventTypes.TARGET_PROFILE_CHANGED,
                id, TargetProfileChanged.VERSION, data));
    }

    /** A THC operating in {@code year} only (opened 1 January, closed 31 December). */
    static String institution(String township, long revision, String id, int year) {
        TopicWriter.send(Topics.INSTITUTION_CHANGED, id, EventEnvelope.of("/institution-registry",
                EventTypes.INSTITUTION_CHANGED, id, InstitutionChanged.VERSION, new InstitutionChanged(id, revision,
                        "卫生院 " + id.substring(0, 4), InstitutionType.THC, township, township.substring(0, 6),
                        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))));
        return id;
    }

    /** An approved institution report (revision = version: one approval per version, for brevity). */
    static EventEnvelope<ReportSubmitted> report(String reportId, int version, String institutionId, int year,
            int physicians, int tcm) {
        return institutionReport(reportId, version, version, "APPROVED", institutionId, year,
                Map.of("physicians", BigDecimal.valueOf(physicians), "tcmPhysicians", BigDecimal.valueOf(tcm)));
    }

    static EventEnvelope<ReportSubmitted> institutionReport(String reportId, int version, int revision, String status,
            String institutionId, int year, Map<String, BigDecimal> figures) {
        return EventEnvelope.of("/reporting", EventTypes.REPORT_SUBMITTED, reportId, ReportSubmitted.VERSION,
                new ReportSubmitted(reportId, version, revision, "INSTITUTION", institutionId, institutionId, "THC",
                        "450902100", year, String.valueOf(year), status, figures, java.util.List.of(),
                        OffsetDateTime.now(), OffsetDateTime.now()));
    }

    static void send(EventEnvelope<ReportSubmitted> e) {
        TopicWriter.send(Topics.REPORT_SUBMITTED, e.data().institutionId(), e);
    }

    static JsonPath ratioOf(String division, int year) {
        return given().auth().oauth2(GUANGXI_READER).queryParam("year", year).get("/api/v1/scorecards/" + division)
                .then().statusCode(200).extract().jsonPath().setRootPath("indicators.find { it.indicatorCode == '" + RATIO + "' }");
    }

    static void awaitRatio(String division, int year, String value, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath r = ratioOf(division, year);
            assertThat(r.getString("status")).isEqualTo(status);
            assertThat(new BigDecimal(r.getString("value"))).isEqualByComparingTo(value);
        });
    }

    @Test
    void twoCentresTurnTheCountyFromMetToNotMetAndEachChangeIsPublished() {
        int year = 2019;
        String a = institution("450902100", 0, UUID.randomUUID().toString(), year);
        String b = institution("450902101", 0, UUID.randomUUID().toString(), year);
        send(report(UUID.randomUUID().toString(), 1, a, year, 8, 2));
        // county = 2 / 8 = 25% and the Guangxi target is >= 25%: met.
        awaitRatio("450902", year, "25", "MET");
        send(report(UUID.randomUUID().toString(), 1, b, year, 8, 1));
        // county = (2 + 1) / (8 + 8) = 3 / 16 = 18.75%: not met; the city 4509 and province 45 sums are the same.
        awaitRatio("450902", year, "18.75", "NOT_MET");
        awaitRatio("4509", year, "18.75", "NOT_MET");
        awaitRatio("45", year, "18.75", "NOT_MET");
        assertThat(ratioOf("450902", year).getString("profileId")).isEqualTo("guangxi-2022");

        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.TARGET_EVALUATED)) {
            String key = "450902:" + RATIO + ":" + year + ":guangxi-2022";
            var met = reader.await(r -> key.equals(r.key()) && read(r.value()).status().equals("MET"), Duration.ofSeconds(20));
            var notMet = reader.await(r -> key.equals(r.key()) && read(r.value()).status().equals("NOT_MET"),
                    Duration.ofSeconds(20));
            assertThat(read(notMet.value()).sequence()).isGreaterThan(read(met.value()).sequence());
            assertThat(read(notMet.value()).numerator()).isEqualByComparingTo("3");
            assertThat(read(notMet.value()).denominator()).isEqualByComparingTo("16");
        }
    }

    @Test
    void redeliveryAndStaleCorrectionsChangeNothing() {
        int year = 2020;
        String a = institution("450902102", 0, UUID.randomUUID().toString(), year);
        String reportId = UUID.randomUUID().toString();
        var v1 = report(reportId, 1, a, year, 10, 2);
        var v3 = report(reportId, 3, a, year, 10, 5);
        var v2 = report(reportId, 2, a, year, 10, 4);
        send(v1);
        awaitRatio("450902", year, "20", "NOT_MET");            // 2/10 = 20%
        send(v3);
        awaitRatio("450902", year, "50", "MET");                // v3 replaces v1: 5/10 = 50%
        long sequence = ratioOf("450902", year).getLong("sequence");
        send(v2);                                               // older than v3: ignored
        send(v3);                                               // same version again: ignored
        send(v1);
        // A marker report on another institution proves the three events above were consumed first
        // (same partition key would not hold; so wait for the marker on its own and then compare).
        String marker = institution("450902103", 0, UUID.randomUUID().toString(), year - 10);
        send(report(UUID.randomUUID().toString(), 1, marker, year - 10, 1, 1));
        awaitRatio("450902", year - 10, "100", "MET");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonPath r = ratioOf("450902", year);
            assertThat(new BigDecimal(r.getString("value"))).isEqualByComparingTo("50");
            assertThat(r.getLong("sequence")).isEqualTo(sequence);
        });
    }

    @Test
    void aReportThatArrivesBeforeItsInstitutionCountsOnceTheInstitutionArrives() {
        int year = 2021;
        String c = UUID.randomUUID().toString();
        send(report(UUID.randomUUID().toString(), 1, c, year, 4, 3));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(ratioOf("450902", year).getString("status")).isEqualTo("NO_DATA"));
        institution("450902104", 0, c, year);
        awaitRatio("450902", year, "75", "MET");                // 3/4 = 75%
    }

    @Test
    void aCentreThatMovesCountyTakesItsContributionAlong() {
        int year = 2022;
        String a = institution("450902105", 0, UUID.randomUUID().toString(), year);
        String b = institution("450902106", 0, UUID.randomUUID().toString(), year);
        send(report(UUID.randomUUID().toString(), 1, a, year, 8, 2));
        send(report(UUID.randomUUID().toString(), 1, b, year, 8, 1));
        awaitRatio("450902", year, "18.75", "NOT_MET");          // 3/16
        institution("450921100", 1, b, year);                          // b re-registered under Rong county
        awaitRatio("450902", year, "25", "MET");                 // 2/8
        awaitRatio("450921", year, "12.5", "NOT_MET");           // 1/8
        awaitRatio("4509", year, "18.75", "NOT_MET");            // the city still sums both: 3/16
    }

    /**
     * One writer per institution (issue 8, item 7): a correction and a move of the same centre arrive
     * on two channels consumed concurrently. Whichever commits second must see the first — otherwise
     * the correction lands in the old county, or the move carries the old figures along.
     */
    @Test
    void correctionsAndMovesOfTheSameCentresRacingLoseNothing() {
        int year = 2008;
        List<String> centres = new java.util.ArrayList<>();
        List<String> reportIds = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            centres.add(institution("450922" + (110 + i), 0, UUID.randomUUID().toString(), year));
            reportIds.add(UUID.randomUUID().toString());
            send(report(reportIds.get(i), 1, centres.get(i), year, 10, 2));
        }
        // 12 centres of 陆川县 reporting 2 of 10: 24 / 120 = 20% < 25%.
        awaitRatio("450922", year, "20", "NOT_MET");
        for (int i = 0; i < 12; i++) {
            // Moved to 兴业县 and corrected to 5 of 10, back to back, on the two topics.
            institution("450924" + (110 + i), 1, centres.get(i), year);
            send(report(reportIds.get(i), 2, centres.get(i), year, 10, 5));
        }
        // All of them in 兴业县 with their corrected figures: 12 * 5 / (12 * 10) = 60 / 120 = 50% >= 25%.
        awaitRatio("450924", year, "50", "MET");
        awaitRatio("4509", year, "50", "MET");
        // Nothing left behind in 陆川县: no unit counts there any more.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath left = ratioOf("450922", year);
            assertThat(left.getString("value")).isNull();
            assertThat(left.getLong("unitsDecided")).isZero();
        });
    }

    @Test
    void aCountyProfileThatLowersTheTargetReJudgesTheStoredResult() {
        int year = 2018;
        String a = institution("450903100", 0, UUID.randomUUID().toString(), year);
        String b = institution("450903101", 0, UUID.randomUUID().toString(), year);
        send(report(UUID.randomUUID().toString(), 1, a, year, 8, 2));
        send(report(UUID.randomUUID().toString(), 1, b, year, 8, 1));
        awaitRatio("450903", year, "18.75", "NOT_MET");          // 3/16 against Guangxi's >= 25%
        // 福绵区 (450903) adopts its own profile: TCM physician ratio >= 18%. 18.75 >= 18: met, and no
        // report was needed to find out.
        publishProfile("fumian-test", "450903", 1, "guangxi-2022", List.of(new TargetSpec(RATIO, Comparator.AT_LEAST,
                new BigDecimal("18"), null, 2025, Nature.EXPECTED, null, null, null,
                new Source("test", "a county's own plan"))));
        awaitRatio("450903", year, "18.75", "MET");
        assertThat(ratioOf("450903", year).getString("profileId")).isEqualTo("fumian-test");
        awaitRatio("4509", year, "18.75", "NOT_MET");            // the city is still held to Guangxi's 25%
    }

    @Test
    void anotherCountyCannotReadThisCountysScorecard() {
        given().auth().oauth2(RONG_READER).queryParam("year", 2024).get("/api/v1/scorecards/450902")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(RONG_READER).queryParam("year", 2024).get("/api/v1/scorecards/450921").then().statusCode(200);
        given().auth().oauth2(YULIN_READER).get("/api/v1/scorecards/450902").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(YULIN_READER).queryParam("year", 2024).get("/api/v1/scorecards/45x")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void committedOpenApiSpecMatchesTheCode() {
        OpenApiContract.assertCommittedSpecIsCurrent("evaluation");
    }

    private static TargetEvaluated read(String json) {
        return EventJson.read(json, TargetEvaluated.class).data();
    }
}
