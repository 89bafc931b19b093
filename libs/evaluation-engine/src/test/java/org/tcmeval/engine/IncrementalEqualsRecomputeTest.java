package org.tcmeval.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.InstitutionType;

/**
 * Property: applying random add / correct / move / withdraw sequences one contribution at a time, as
 * the service does, gives the same sums and judgements at every county, city and province as
 * summing the reports in force from scratch. Seeded java.util.Random rather than jqwik: jqwik runs
 * on JUnit Platform 1.x and this build uses JUnit 6, so each seed is a reproducible case instead.
 */
class IncrementalEqualsRecomputeTest {

    static final List<IndicatorDefinition> INDICATORS = List.of(Indicators.CHSC_THC_TECHNIQUE_CAPACITY,
            Indicators.TCM_PHYSICIAN_RATIO, Indicators.TCM_CLINIC_AREA_PLATFORM_CONNECTION,
            Indicators.DEMONSTRATION_TCM_CLINIC_AREAS, Indicators.TCM_GP_DENSITY,
            Indicators.COUNTY_TCM_HOSPITAL_REHAB_DEPT, Indicators.TCM_LED_MEDICAL_COMMUNITY_COVERAGE,
            Indicators.CHSS_TCM_PHYSICIAN);
    static final List<String> COUNTIES = List.of("450102", "450103", "450902");
    static final List<InstitutionType> TYPES = List.of(InstitutionType.CHSC, InstitutionType.THC,
            InstitutionType.CHSS, InstitutionType.VILLAGE_CLINIC, InstitutionType.COUNTY_TCM_HOSPITAL);

    /** A report in force: where the unit sits and what it said. */
    record Report(String county, UnitFacts facts) {
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void incrementalSumsEqualSumsFromScratch(long seed) {
        Random random = new Random(seed);
        for (IndicatorDefinition indicator : INDICATORS) {
            // Guangxi's targets, so row 18 filters counties; the demonstration count has none there.
            Optional<TargetInForce> target = TargetInForce.resolve(Fixtures.RESOLVER, "45", indicator.code());
            UnitFilter filter = Engine.unitFilter(indicator, target.map(TargetInForce::target).orElse(null));
            Map<Integer, Report> inForce = new HashMap<>();
            Map<Integer, Optional<Contribution>> stored = new HashMap<>();
            Map<String, Sums> incremental = new LinkedHashMap<>();
            for (int step = 0; step < 60; step++) {
                int unit = random.nextInt(12);
                Report old = inForce.get(unit);
                Report now = random.nextInt(5) == 0 ? null : randomReport(random, unit);
                Optional<Contribution> before = stored.getOrDefault(unit, Optional.empty());
                Optional<Contribution> after = now == null ? Optional.empty()
                        : Engine.contribution(indicator, filter, now.facts());
                if (old != null && before.isPresent()) {
                    chain(old.county()).forEach(d -> incremental.compute(d,
                            (k, sums) -> (sums == null ? empty(filter) : sums).remove(before.get())));
                }
                if (now != null && after.isPresent()) {
                    chain(now.county()).forEach(d -> incremental.compute(d,
                            (k, sums) -> (sums == null ? empty(filter) : sums).add(after.get())));
                }
                if (now == null) {
                    inForce.remove(unit);
                    stored.remove(unit);
                } else {
                    inForce.put(unit, now);
                    stored.put(unit, after);
                }
            }
            Map<String, Sums> scratch = new LinkedHashMap<>();
            for (Report r : inForce.values()) {
                Engine.contribution(indicator, filter, r.facts()).ifPresent(c ->
                        chain(r.county()).forEach(d -> scratch.compute(d,
                                (k, sums) -> (sums == null ? empty(filter) : sums).add(c))));
            }
            for (String division : List.of("450102", "450103", "450902", "4501", "4509", "45")) {
                Sums inc = incremental.getOrDefault(division, empty(filter));
                Sums full = scratch.getOrDefault(division, empty(filter));
                assertThat(inc).as("seed %d %s %s", seed, indicator.code(), division).isEqualTo(full);
                assertThat(judge(indicator, target, division, inc)).isEqualTo(judge(indicator, target, division, full));
            }
        }
    }

    private static Judgement judge(IndicatorDefinition indicator, Optional<TargetInForce> target, String division,
            Sums sums) {
        return Fixtures.ENGINE.judge(indicator, target, sums, DivisionFacts.of(division), OptionalLong.empty());
    }

    private static Sums empty(UnitFilter filter) {
        return Sums.empty(filter);
    }

    private static List<String> chain(String county) {
        return Divisions.rollUpChain(county);
    }

    /** Units 0-8 are institutions that may move between counties; 9-11 are the three county bureaus. */
    private static Report randomReport(Random r, int unit) {
        Map<String, BigDecimal> f = new HashMap<>();
        if (unit >= 9) {
            String county = COUNTIES.get(unit - 9);
            maybe(r, f, "residentPopulation", 100_000 + r.nextInt(500_000));
            maybe(r, f, "tcmGeneralPractitioners", r.nextInt(40));
            maybe(r, f, "tcmHospitalsGrade2aOrAbove", r.nextInt(3));
            maybe(r, f, "tcmLedMedicalCommunityPopulation", r.nextInt(100_000));
            UnitFacts facts = UnitFacts.county(f);
            return new Report(county, r.nextBoolean() ? facts.withRegistryPopulation(300_000) : facts);
        }
        int tcm = r.nextInt(6);
        maybe(r, f, "techniqueClasses", r.nextInt(11));
        maybe(r, f, "techniqueItems", r.nextInt(16));
        maybe(r, f, "tcmPhysicians", tcm);
        maybe(r, f, "physicians", tcm + r.nextInt(11));
        maybe(r, f, "tcmCapableClinicalPhysicians", r.nextInt(3));
        for (String flag : List.of("hasTcmClinicArea", "tcmClinicAreaOnPlatform", "demonstrationTcmClinicArea",
                "hasRehabDept")) {
            maybe(r, f, flag, r.nextInt(2));
        }
        maybe(r, f, HospitalGrade.FACT, r.nextInt(HospitalGrade.values().length));
        return new Report(COUNTIES.get(r.nextInt(COUNTIES.size())),
                UnitFacts.institution(TYPES.get(r.nextInt(TYPES.size())), f));
    }

    private static void maybe(Random r, Map<String, BigDecimal> facts, String name, int value) {
        if (r.nextInt(5) != 0) {
            facts.put(name, BigDecimal.valueOf(value));
        }
    }
}
