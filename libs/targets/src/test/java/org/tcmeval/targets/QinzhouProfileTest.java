package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Qinzhou 2023 plan, seed qinzhou-tcm-development-plan-2023: 专栏1 主要发展指标 (24 rows). */
class QinzhouProfileTest {

    static final String DOC = "qinzhou-tcm-development-plan-2023";
    static final TargetProfile PROFILE = CanonicalProfiles.QINZHOU;

    /**
     * Columns as the table prints them: 序号, 指标名称 (as code), 单位, 2020年, 2025年, 指标性质, plus
     * the computation shape the row needs. Row 16 prints "100，78.81 | 100，85" and is two lines here.
     */
    @ParameterizedTest(name = "row {0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1  | TCM_INSTITUTIONS                                | COUNT                | 74    | 89   | EXPECTED | COUNT
            2  | PUBLIC_TCM_HOSPITALS                            | COUNT                | 5     | 6    | EXPECTED | COUNT
            3  | COUNTY_TCM_HOSPITALS_AT_GRADE_2A                | COUNT                | 2     | 2    | EXPECTED | COUNT
            4  | PUBLIC_TCM_HOSPITAL_BEDS_PER_1K                 | PER_1K_RESIDENTS     | 0.71  | 0.85 | EXPECTED | PER_POPULATION_DENSITY
            5  | TCM_PHYSICIANS_PER_1K                           | PER_1K_RESIDENTS     | 0.33  | 0.62 | EXPECTED | PER_POPULATION_DENSITY
            6  | TCM_GP_DENSITY                                  | PER_10K_RESIDENTS    | 0.26  | 0.4  | EXPECTED | PER_POPULATION_DENSITY
            7  | GRADE2_PUBLIC_TCM_HOSPITAL_TCM_PHYSICIAN_SHARE  | PERCENT              | 56.44 | 65   | BINDING  | DIRECT_VALUE
            8  | COUNTY_TCM_HOSPITAL_COVERAGE                    | PERCENT              | 75    | 100  | EXPECTED | COMPLIANCE_RATE
            9  | GRADE2_TCM_HOSPITAL_REHAB_DEPT_SHARE            | PERCENT              | 50    | 75   | EXPECTED | DIRECT_VALUE
            10 | GRADE3_PUBLIC_TCM_HOSPITAL_FEVER_CLINIC_SHARE   | PERCENT              | 100   | 100  | EXPECTED | DIRECT_VALUE
            11 | GRADE2_PUBLIC_TCM_HOSPITAL_GERIATRICS_DEPT_SHARE| PERCENT              | 25    | 60   | EXPECTED | DIRECT_VALUE
            12 | GRADE2_PUBLIC_GENERAL_HOSPITAL_TCM_DEPT_SHARE   | PERCENT              | 87.5  | 90   | EXPECTED | DIRECT_VALUE
            13 | COUNTY_MCH_HOSPITAL_TCM_DEPT                    | PERCENT              | 50    | 70   | EXPECTED | COMPLIANCE_RATE
            14 | PUBLIC_GENERAL_HOSPITAL_TCM_BEDS                | COUNT                | 192   | 264  | EXPECTED | COUNT
            15 | CHSC_THC_TCM_CLINIC_AREA                        | PERCENT              | 95.58 | 100  | BINDING  | COMPLIANCE_RATE
            16 | CHSC_THC_NON_DRUG_THERAPY                       | PERCENT              | 100   | 100  | EXPECTED | COMPLIANCE_RATE
            16 | VILLAGE_CLINIC_NON_DRUG_THERAPY                 | PERCENT              | 78.81 | 85   | EXPECTED | COMPLIANCE_RATE
            17 | TCM_VISIT_SHARE                                 | PERCENT              | 15.25 | 20   | EXPECTED | DIRECT_VALUE
            18 | TCM_HOSPITAL_DISCHARGE_SHARE                    | PERCENT              | 18.73 | 20   | EXPECTED | DIRECT_VALUE
            19 | CHILD_TCM_HEALTH_MANAGEMENT_RATE                | PERCENT              | 80.31 | 85   | EXPECTED | AGGREGATE_RATIO
            20 | ELDERLY_TCM_HEALTH_MANAGEMENT_RATE              | PERCENT              | 71.82 | 75   | EXPECTED | AGGREGATE_RATIO
            21 | TCM_HEALTH_SERVICE_SCALE                        | HUNDRED_MILLION_YUAN | 52.81 | 65   | EXPECTED | DIRECT_VALUE
            22 | TCM_MATERIAL_FARMING_OUTPUT                     | HUNDRED_MILLION_YUAN | 9.63  | 12   | EXPECTED | DIRECT_VALUE
            23 | TCM_MANUFACTURING_OUTPUT                        | HUNDRED_MILLION_YUAN | 16.03 | 20   | EXPECTED | DIRECT_VALUE
            24 | TCM_HEALTH_CULTURE_LITERACY                     | PERCENT              | 18.9  | 25   | EXPECTED | DIRECT_VALUE
            """)
    void transcribesTheRow(int row, String code, Unit unit, String value2020, String value2025, Nature nature,
            ComputationShape shape) {
        Target t = ExpectedTarget.atLeast(code, value2025, "专栏1 主要发展指标 第" + row + "项").assertIn(PROFILE, DOC);
        assertThat(t.baseline()).as("2020年").isEqualByComparingTo(value2020);
        assertThat(t.baselineYear()).isEqualTo(2020);
        assertThat(t.deadlineYear()).isEqualTo(2025);
        assertThat(t.nature()).as("指标性质").isEqualTo(nature);
        assertThat(t.indicator().unit()).as("单位").isEqualTo(unit);
        assertThat(t.indicator().shape()).isEqualTo(shape);
    }

    @Test
    void setsTheTwentyFourRowsAsTwentyFiveTargets() {
        assertThat(PROFILE.targets()).hasSize(25);
        assertThat(PROFILE.targets()).extracting(t -> t.source().location()).allMatch(l -> l.startsWith("专栏1 主要发展指标 第"));
        assertThat(PROFILE.divisionCode()).isEqualTo("4507");
        assertThat(PROFILE.parentId()).isEqualTo("guangxi-2022");
    }

    @Test
    void onlyRowsSevenAndFifteenAreBinding() {
        // 约束性: 二级及以上公立中医医院中医类别执业（助理）医师比例; 设置中医馆的乡镇卫生院和社区卫生服务中心比例.
        assertThat(PROFILE.targets()).filteredOn(t -> t.nature() == Nature.BINDING).extracting(Target::indicatorCode)
                .containsExactlyInAnyOrder("GRADE2_PUBLIC_TCM_HOSPITAL_TCM_PHYSICIAN_SHARE", "CHSC_THC_TCM_CLINIC_AREA");
    }

    @Test
    void densitiesUseTheTablesPopulationScales() {
        // 每千常住人口 (rows 4, 5) and 每万常住人口 (row 6).
        assertThat(Indicators.PUBLIC_TCM_HOSPITAL_BEDS_PER_1K.populationScale()).isEqualTo(1_000);
        assertThat(Indicators.TCM_PHYSICIANS_PER_1K.populationScale()).isEqualTo(1_000);
        assertThat(Indicators.TCM_GP_DENSITY.populationScale()).isEqualTo(10_000);
    }

    @Test
    void rowThirteenCountsGradeTwoMchHospitalsOnly() {
        // 设置中医类临床科室的二级妇幼保健院比例: a grade-3 MCH hospital is outside the row.
        Target t = PROFILE.target("COUNTY_MCH_HOSPITAL_TCM_DEPT").orElseThrow();
        assertThat(t.appliesTo(Map.of(HospitalGrade.FACT, HospitalGrade.GRADE_2A.asFact()))).isTrue();
        assertThat(t.appliesTo(Map.of(HospitalGrade.FACT, HospitalGrade.GRADE_2.asFact()))).isTrue();
        assertThat(t.appliesTo(Map.of(HospitalGrade.FACT, HospitalGrade.GRADE_3A.asFact()))).isFalse();
    }

    @Test
    void healthManagementBaselinesFollowTheTableNotTheNarrative() {
        // 一（一）3 says "3岁以下儿童、65岁以上老年人…分别为74.82%、80.31%"; the table says 80.31 and 71.82.
        assertThat(PROFILE.target("CHILD_TCM_HEALTH_MANAGEMENT_RATE").orElseThrow().baseline())
                .isEqualByComparingTo(new BigDecimal("80.31"));
        assertThat(PROFILE.target("ELDERLY_TCM_HEALTH_MANAGEMENT_RATE").orElseThrow().baseline())
                .isEqualByComparingTo(new BigDecimal("71.82")).isNotEqualByComparingTo(new BigDecimal("80.31"));
    }

    @Test
    void cityFiguresAreReportedByTheCityItself() {
        // City-run hospitals and the whole health system are no institution type.
        assertThat(List.of(Indicators.TCM_INSTITUTIONS, Indicators.PUBLIC_TCM_HOSPITALS,
                Indicators.PUBLIC_TCM_HOSPITAL_BEDS_PER_1K, Indicators.TCM_VISIT_SHARE,
                Indicators.TCM_HEALTH_SERVICE_SCALE))
                .allSatisfy(i -> assertThat(i.reporter()).isEqualTo(Reporter.JURISDICTION));
        assertThat(Indicators.COUNTY_TCM_HOSPITALS_AT_GRADE_2A.reporter()).isEqualTo(Reporter.INSTITUTION);
    }
}
