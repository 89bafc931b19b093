package org.tcmeval.evaluation.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MeasureReport;
import org.junit.jupiter.api.Test;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.evaluation.rest.ScorecardView;
import org.tcmeval.engine.TargetInForce;
import org.tcmeval.targets.CanonicalProfiles;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.Condition;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.TargetResolver;

/**
 * Every shape of Measure and MeasureReport the export writes, built from the real indicator
 * catalogue and profiles, validated with HAPI's validator against the R4 core profiles (plain
 * Java; the flow test validates what the service serves).
 */
class FhirResourcesTest {

    static final TargetResolver RESOLVER = new TargetResolver(CanonicalProfiles.ALL);

    @Test
    void everyIndicatorsMeasureWithAndWithoutATargetIsValidR4() {
        List<Measure> measures = new ArrayList<>();
        for (IndicatorDefinition i : Indicators.ALL) {
            measures.add(Measures.measure(i, null, null));
            // The target of the first of these divisions that has one (Yulin, Qinzhou, Inner Mongolia, Beilun).
            List.of("450902", "4507", "15", "330206").stream()
                    .flatMap(d -> TargetInForce.resolve(RESOLVER, d, i.code()).stream()).findFirst()
                    .ifPresent(t -> measures.add(Measures.measure(i, new Measures.TargetView(t.target().comparator(),
                            t.target().threshold(), t.target().upper(), t.profileId(), t.target().deadlineYear(),
                            Condition.NONE.equals(t.target().condition()) ? null : t.target().condition().describe()),
                            2024)));
        }
        Bundle all = new Bundle().setType(Bundle.BundleType.COLLECTION);
        measures.forEach(m -> all.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(m));
        FhirValidation.assertValid(measures.size() + " Measures", Fhir.json(all));
        assertThat(measures.stream().map(m -> m.getScoring().getCodingFirstRep().getCode()).distinct())
                .containsExactlyInAnyOrder("proportion", "ratio", "cohort", "continuous-variable");
        assertThat(measures.stream().filter(m -> m.hasImprovementNotation()).count()).isPositive();
    }

    /** Every indicator's Measure unversioned and versioned guangxi-2022, for the reports to be checked against. */
    static void knowMeasures() {
        for (IndicatorDefinition i : Indicators.ALL) {
            FhirValidation.know(Measures.measure(i, null, null), Measures.measure(i, new Measures.TargetView(
                    Comparator.AT_LEAST, BigDecimal.TEN, null, "guangxi-2022", 2025, null), 2024));
        }
    }

    @Test
    void summaryReportsOfEveryStatusAreValidR4() {
        knowMeasures();
        List<MeasureReport> reports = new ArrayList<>();
        OffsetDateTime at = OffsetDateTime.parse("2024-06-30T08:00:00Z");
        // Each indicator once, the statuses taken in turn, so every scoring meets several of them.
        int n = 0;
        for (IndicatorDefinition i : Indicators.ALL) {
            {
                ResultStatus s = ResultStatus.values()[n++ % ResultStatus.values().length];
                boolean value = s == ResultStatus.MET || s == ResultStatus.NOT_MET || s == ResultStatus.INCOMPLETE;
                ScorecardView.Entry e = new ScorecardView.Entry(i.code(), i.nameZh(), i.nameEn(), i.unit(),
                        value ? new BigDecimal("18.75") : null, value ? BigDecimal.valueOf(3) : null,
                        value ? BigDecimal.valueOf(16) : null, s == ResultStatus.NO_TARGET ? null : Comparator.BETWEEN,
                        s == ResultStatus.NO_TARGET ? null : BigDecimal.TEN,
                        s == ResultStatus.NO_TARGET ? null : BigDecimal.valueOf(20),
                        s, s == ResultStatus.NO_TARGET ? null : "guangxi-2022", value ? BigDecimal.valueOf(100) : null,
                        value ? 2 : 0, 2, value ? null : "NOT_COLLECTED: x", null, null, null, null, 1, value ? at : null);
                reports.add(MeasureReports.summary("450902", "玉州区", 2024, i, e, s.name(), 0));
            }
        }
        FhirValidation.assertValid(reports.size() + " summary MeasureReports",
                Fhir.json(MeasureReports.collection(reports, "https://example.org/api/v1/fhir/MeasureReport?x=1")));
    }

    @Test
    void individualReportsOfEveryStateAreValidR4() {
        knowMeasures();
        List<MeasureReport> reports = new ArrayList<>();
        for (IndicatorDefinition i : Indicators.ALL) {
            long[][] states = {{1, 0}, {0, 1}, {0, 0}};
            {
                long[] s = states[reports.size() % 4 == 3 ? 0 : reports.size() % 3];
                reports.add(MeasureReports.individual(new MeasureReports.Contribution(UUID.randomUUID(), "卫生院", 2024,
                        i, BigDecimal.ONE, BigDecimal.valueOf(4), s[0], s[1], Comparator.AT_LEAST, BigDecimal.TEN, null,
                        "guangxi-2022")));
            }
            if (reports.size() % 4 == 0) {
                reports.add(MeasureReports.individual(new MeasureReports.Contribution(UUID.randomUUID(), null, 2024, i,
                        null, null, 0, 0, null, null, null, null)));
            }
        }
        FhirValidation.assertValid(reports.size() + " individual MeasureReports",
                Fhir.json(MeasureReports.collection(reports, null)));
    }
}
