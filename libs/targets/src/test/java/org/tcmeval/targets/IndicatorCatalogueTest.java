package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue hangs together: codes, fields and profiles refer to things that exist. */
class IndicatorCatalogueTest {

    @Test
    void theRatioOtherModulesUseKeepsItsNameAndFields() {
        IndicatorDefinition r = Indicators.TCM_PHYSICIAN_RATIO;
        assertThat(r.code()).isEqualTo("TCM_PHYSICIAN_RATIO");
        assertThat(r.shape()).isEqualTo(ComputationShape.AGGREGATE_RATIO);
        assertThat(r.numeratorField()).isEqualTo("tcmPhysicians");
        assertThat(r.denominatorField()).isEqualTo("physicians");
        assertThat(r.appliesTo(InstitutionType.THC)).isTrue();
        assertThat(r.appliesTo(InstitutionType.VILLAGE_CLINIC)).isFalse();
        assertThat(Indicators.byCode("TCM_PHYSICIAN_RATIO")).contains(r);
        assertThat(ReportField.byName("tcmPhysicians")).contains(ReportField.TCM_PHYSICIANS);
    }

    @Test
    void everyFieldAnIndicatorReadsIsOneItsReporterReports() {
        for (IndicatorDefinition i : Indicators.ALL) {
            for (String field : i.fields()) {
                boolean declared = ReportField.byName(i.reporter(), field).isPresent()
                        || (i.reporter() == Reporter.INSTITUTION && field.equals(HospitalGrade.FACT));
                assertThat(declared).as(i.code() + " reads " + field + " from " + i.reporter()).isTrue();
            }
        }
    }

    @Test
    void everyTargetConditionReadsFactsOfItsIndicatorsUnits() {
        for (TargetProfile p : CanonicalProfiles.ALL) {
            for (Target t : p.targets()) {
                Reporter reporter = t.indicator().reporter();
                for (String field : t.condition().fields()) {
                    boolean declared = ReportField.byName(reporter, field).isPresent()
                            || (reporter == Reporter.INSTITUTION && field.equals(HospitalGrade.FACT));
                    assertThat(declared).as(p.id() + " " + t.indicatorCode() + " condition reads " + field).isTrue();
                }
            }
        }
    }

    @Test
    void partsNameAWholeOfTheSameReporter() {
        for (Reporter r : Reporter.values()) {
            for (ReportField f : ReportField.forReporter(r)) {
                if (f.atMost() != null) {
                    assertThat(ReportField.byName(r, f.atMost())).as(f.name() + " <= " + f.atMost()).isPresent();
                }
            }
        }
    }

    @Test
    void everyIndicatorIsTargetedBySomeProfile() {
        Set<String> targeted = CanonicalProfiles.ALL.stream().flatMap(p -> p.targets().stream())
                .map(Target::indicatorCode).collect(Collectors.toSet());
        assertThat(Indicators.ALL).extracting(IndicatorDefinition::code).allMatch(targeted::contains);
    }

    @Test
    void everyCanonicalTargetNamesItsSeedDocument() {
        Set<String> seeds = Set.of("guangxi-grassroots-tcm-capacity-plan-2022", "yulin-grassroots-tcm-capacity-plan-2022",
                "qinzhou-tcm-development-plan-2023", "inner-mongolia-grassroots-tcm-capacity-plan",
                "beilun-demonstration-district-plan-2023");
        CanonicalProfiles.ALL.forEach(p -> assertThat(p.targets())
                .allSatisfy(t -> assertThat(seeds).contains(t.source().document())));
    }

    @Test
    void clinicAreaIndicatorsCountOnlyCentresThatHaveOne() {
        // "所有中医馆全部接入…平台": a centre without a 中医馆 is not a failure of row 17, it is outside it.
        assertThat(Indicators.TCM_CLINIC_AREA_PLATFORM_CONNECTION.unitFilter().describe()).isEqualTo("hasTcmClinicArea = 1");
        assertThat(Indicators.TCM_CLINIC_AREA_CONNOTATION.unitFilter().describe()).isEqualTo("hasTcmClinicArea = 1");
        assertThat(Indicators.TCM_CORNER.unitFilter()).isEqualTo(Condition.NONE);
    }
}
