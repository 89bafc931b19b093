package org.tcmeval.evaluation;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tcmeval.events.DivisionChanged;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.events.TargetSpec;
import org.tcmeval.events.Topics;
import org.tcmeval.targets.CanonicalProfiles;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.Nature;
import org.tcmeval.targets.Source;
import org.tcmeval.targets.TargetProfile;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TopicWriter;

/**
 * The history {@link ReplayIntoEmptyDatabaseTest} replays, published before its service starts, so the
 * test needs no other test to have run: the canonical profiles, and in 宾阳县 (450126) in 2040 (no
 * other test's county or year) a county profile revised once, a population corrected once, a report
 * corrected and approved again, one returned, and a county report without its population.
 */
public class ReplayScenario implements QuarkusTestResourceLifecycleManager {

    static final int YEAR = 2040;
    static final String COUNTY = "450126";
    static final String PROFILE = "binyang-replay-test";
    /** Fixed ids: the scenario is the same history every time it is published (a re-run adds duplicates). */
    static final String A = "0b5e6c1a-0000-4000-8000-000000002040";
    static final String B = "0b5e6c1b-0000-4000-8000-000000002040";
    static final String REPORT_A = "0b5e6c2a-0000-4000-8000-000000002040";
    static final String REPORT_B = "0b5e6c2b-0000-4000-8000-000000002040";
    static final String REPORT_COUNTY = "0b5e6c2c-0000-4000-8000-000000002040";

    @Override
    public Map<String, String> start() {
        // The shared servers (started here if this class runs alone), before anything is published.
        InfraResource.datasource(ReplayIntoEmptyDatabaseTest.REPLAY);
        for (TargetProfile p : CanonicalProfiles.ALL) {
            EvaluationFlowTest.publishProfile(p.id(), p.divisionCode(), 1, p.parentId(),
                    p.targets().stream().map(TargetSpec::of).toList());
        }
        // 宾阳县's own plan: TCM physician ratio >= 40%, revised to >= 20%.
        EvaluationFlowTest.publishProfile(PROFILE, COUNTY, 1, "guangxi-2022", ratioAtLeast("40"));
        EvaluationFlowTest.publishProfile(PROFILE, COUNTY, 2, "guangxi-2022", ratioAtLeast("20"));
        // The registry: 200,000 residents in 2040, corrected to 400,000.
        division(0, 200_000);
        division(1, 400_000);
        institution(A, COUNTY + "100");
        institution(B, COUNTY + "101");
        // A: 2 of 8 approved, then a correction to 4 of 8, submitted and approved.
        report(REPORT_A, 1, 1, "SUBMITTED", A, 8, 2);
        report(REPORT_A, 1, 2, "APPROVED", A, 8, 2);
        report(REPORT_A, 2, 3, "SUBMITTED", A, 8, 4);
        report(REPORT_A, 2, 4, "APPROVED", A, 8, 4);
        // B: 1 of 10 approved, then returned: it counts for nothing.
        report(REPORT_B, 1, 1, "APPROVED", B, 10, 1);
        report(REPORT_B, 1, 2, "RETURNED", B, 10, 1);
        // The county bureau: 30 qualified TCM GPs, no residentPopulation (the registry's is used).
        TopicWriter.send(Topics.REPORT_SUBMITTED, COUNTY, EventEnvelope.of("/reporting", EventTypes.REPORT_SUBMITTED,
                REPORT_COUNTY, ReportSubmitted.VERSION, new ReportSubmitted(REPORT_COUNTY, 1, 1, "COUNTY", COUNTY, null,
                        null, COUNTY, YEAR, String.valueOf(YEAR), "APPROVED",
                        Map.of("tcmGeneralPractitioners", BigDecimal.valueOf(30)), List.of(), OffsetDateTime.now(),
                        OffsetDateTime.now())));
        return Map.of();
    }

    static List<TargetSpec> ratioAtLeast(String percent) {
        return List.of(new TargetSpec("TCM_PHYSICIAN_RATIO", Comparator.AT_LEAST, new BigDecimal(percent), null, 2025,
                Nature.EXPECTED, null, null, null, new Source("test", "a county's own plan")));
    }

    private static void division(long revision, long residents) {
        TopicWriter.send(Topics.DIVISION_CHANGED, COUNTY, EventEnvelope.of("/institution-registry",
                EventTypes.DIVISION_CHANGED, COUNTY, DivisionChanged.VERSION, new DivisionChanged(COUNTY, revision,
                        "宾阳县", "COUNTY", "4501", "县", new TreeMap<>(Map.of(YEAR, residents)))));
    }

    private static void institution(String id, String township) {
        TopicWriter.send(Topics.INSTITUTION_CHANGED, id, EventEnvelope.of("/institution-registry",
                EventTypes.INSTITUTION_CHANGED, id, InstitutionChanged.VERSION, new InstitutionChanged(id, 0,
                        "卫生院 " + id.substring(0, 8), InstitutionType.THC, township, COUNTY, LocalDate.of(YEAR, 1, 1),
                        LocalDate.of(YEAR, 12, 31))));
    }

    private static void report(String reportId, int version, int revision, String status, String institution,
            int physicians, int tcmPhysicians) {
        EvaluationFlowTest.send(EvaluationFlowTest.institutionReport(reportId, version, revision, status, institution,
                YEAR, Map.of("physicians", BigDecimal.valueOf(physicians), "tcmPhysicians",
                        BigDecimal.valueOf(tcmPhysicians))));
    }

    @Override
    public void stop() {
    }
}
