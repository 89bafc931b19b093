package org.tcmeval.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.ReportForm;

class ReportRulesTest {

    static final ReportForm THC = ReportForm.forInstitutionType(InstitutionType.THC);
    static final LocalDate TODAY = LocalDate.of(2026, 2, 1);

    @Test
    void aValidAnnualReportPasses() {
        assertThat(ReportRules.checkFigures(THC, Map.of("physicians", bd(8), "tcmPhysicians", bd(2)))).isEmpty();
        assertThat(ReportRules.checkPeriod("2025-Q3", TODAY)).isEmpty();
    }

    @Test
    void aPartMayNotExceedItsWhole() {
        assertThat(ReportRules.checkFigures(THC, Map.of("physicians", bd(8), "tcmPhysicians", bd(9))))
                .extracting(FieldError::field, FieldError::rule)
                .containsExactly(tuple("figures.tcmPhysicians", "at-most-physicians"));
    }

    @Test
    void namesEachBadFigureWithItsRule() {
        var errors = ReportRules.checkFigures(THC, Map.of("physicians", bd(-1), "tcmPhysicians", new BigDecimal("1.5"),
                "beds", bd(3), "hasTcmClinicArea", bd(2)));
        assertThat(errors).extracting(FieldError::field, FieldError::rule).containsExactly(
                tuple("figures.beds", "known-field"), tuple("figures.hasTcmClinicArea", "flag"),
                tuple("figures.physicians", "whole-number"), tuple("figures.tcmPhysicians", "whole-number"));
    }

    @Test
    void everyFigureHasABoundAndTheAnswerNeverRepeatsTheValue() {
        // 2^63 physicians passed the old checks and poisoned evaluation; the bound lives in libs/targets.
        var errors = ReportRules.checkFigures(THC, Map.of("physicians", new BigDecimal("9223372036854775808")));
        assertThat(errors).extracting(FieldError::field, FieldError::rule)
                .containsExactly(tuple("figures.physicians", "range"));
        assertThat(errors.get(0).message()).doesNotContain("9223372036854775808").contains("100000");
    }

    @Test
    void figuresOfAnotherReporterOrFormAreRefused() {
        assertThat(ReportRules.checkFigures(THC, Map.of("residentPopulation", bd(300_000))))
                .extracting(FieldError::rule).containsExactly("reporter-field");
        // A centre has no TCM corner on its form: no indicator reads one for it.
        assertThat(ReportRules.checkFigures(THC, Map.of("hasTcmCorner", bd(1))))
                .extracting(FieldError::rule).containsExactly("on-form");
        assertThat(ReportRules.checkFigures(ReportForm.forCounty(), Map.of("physicians", bd(8))))
                .extracting(FieldError::rule).containsExactly("reporter-field");
        assertThat(ReportRules.checkFigures(THC, Map.of("techniqueClasses", bd(6))))
                .extracting(FieldError::rule).containsExactly("derived");
    }

    @Test
    void divisionFormsTakePercentagesAndDecimalsWhereTheirFieldsAre() {
        var city = ReportForm.forJurisdiction();
        assertThat(ReportRules.checkFigures(city, Map.of("tcmHealthCultureLiteracy", new BigDecimal("18.9"),
                "tcmHealthServiceScale", new BigDecimal("52.81")))).isEmpty();
        assertThat(ReportRules.checkFigures(city, Map.of("tcmHealthCultureLiteracy", new BigDecimal("100.5"))))
                .extracting(FieldError::rule).containsExactly("percent");
    }

    @Test
    void thePeriodMustBeWellFormedAndHaveBegun() {
        assertThat(ReportRules.checkPeriod("2024-Q5", TODAY)).extracting(FieldError::rule).containsExactly("period-format");
        assertThat(ReportRules.checkPeriod("2026-Q2", TODAY)).extracting(FieldError::rule).containsExactly("not-in-future");
        assertThat(ReportRules.checkPeriod("2026", TODAY)).isEmpty();
    }

    private static BigDecimal bd(long v) {
        return BigDecimal.valueOf(v);
    }
}
