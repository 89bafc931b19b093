package org.tcmeval.targets;

import static org.tcmeval.targets.Indicators.*;

import java.util.List;

/**
 * Qinzhou city (钦州市), Guangxi, 2023 TCM development plan: the 24 main development indicators of
 * 专栏1 主要发展指标, each with its 2020 value as baseline, its 2025 value as target and the nature
 * the table gives (约束性 = binding, 预期性 = expected). Row 16 holds two values (CHSC/THC and village
 * clinics) and becomes two targets. Everything else Qinzhou inherits from Guangxi.
 *
 * <p>The table's 2025 values are levels to reach, so they are "at least" targets; where a row
 * repeats a Guangxi indicator (row 6 TCM GPs, rows 19-20 health management) Qinzhou's own value
 * and baseline override the province's.
 */
final class QinzhouProfile {

    static final String ID = "qinzhou-2023";
    static final String DOCUMENT = "qinzhou-tcm-development-plan-2023";
    static final int BASELINE_YEAR = 2020;

    static final TargetProfile PROFILE = new TargetProfile(ID, "4507", GuangxiProfile.ID, List.of(
            row(1, TCM_INSTITUTIONS, "74", "89", Nature.EXPECTED),
            row(2, PUBLIC_TCM_HOSPITALS, "5", "6", Nature.EXPECTED),
            row(3, COUNTY_TCM_HOSPITALS_AT_GRADE_2A, "2", "2", Nature.EXPECTED),
            row(4, PUBLIC_TCM_HOSPITAL_BEDS_PER_1K, "0.71", "0.85", Nature.EXPECTED),
            row(5, TCM_PHYSICIANS_PER_1K, "0.33", "0.62", Nature.EXPECTED),
            row(6, TCM_GP_DENSITY, "0.26", "0.4", Nature.EXPECTED),
            row(7, GRADE2_PUBLIC_TCM_HOSPITAL_TCM_PHYSICIAN_SHARE, "56.44", "65", Nature.BINDING),
            row(8, COUNTY_TCM_HOSPITAL_COVERAGE, "75", "100", Nature.EXPECTED),
            row(9, GRADE2_TCM_HOSPITAL_REHAB_DEPT_SHARE, "50", "75", Nature.EXPECTED),
            row(10, GRADE3_PUBLIC_TCM_HOSPITAL_FEVER_CLINIC_SHARE, "100", "100", Nature.EXPECTED),
            row(11, GRADE2_PUBLIC_TCM_HOSPITAL_GERIATRICS_DEPT_SHARE, "25", "60", Nature.EXPECTED),
            row(12, GRADE2_PUBLIC_GENERAL_HOSPITAL_TCM_DEPT_SHARE, "87.5", "90", Nature.EXPECTED),
            // "二级妇幼保健院": grade-2 hospitals only, not grade 2 and above.
            row(13, COUNTY_MCH_HOSPITAL_TCM_DEPT, "50", "70", Nature.EXPECTED)
                    .withCondition(Condition.gradeBetween(HospitalGrade.GRADE_2, HospitalGrade.GRADE_2A)),
            row(14, PUBLIC_GENERAL_HOSPITAL_TCM_BEDS, "192", "264", Nature.EXPECTED),
            row(15, CHSC_THC_TCM_CLINIC_AREA, "95.58", "100", Nature.BINDING),
            row(16, CHSC_THC_NON_DRUG_THERAPY, "100", "100", Nature.EXPECTED),
            row(16, VILLAGE_CLINIC_NON_DRUG_THERAPY, "78.81", "85", Nature.EXPECTED),
            row(17, TCM_VISIT_SHARE, "15.25", "20", Nature.EXPECTED),
            row(18, TCM_HOSPITAL_DISCHARGE_SHARE, "18.73", "20", Nature.EXPECTED),
            // The table's 2020 values; the narrative (一（一）3) gives 74.82% for children and 80.31% for
            // the elderly, swapped and different. The table is the plan's indicator of record.
            row(19, CHILD_TCM_HEALTH_MANAGEMENT_RATE, "80.31", "85", Nature.EXPECTED),
            row(20, ELDERLY_TCM_HEALTH_MANAGEMENT_RATE, "71.82", "75", Nature.EXPECTED),
            row(21, TCM_HEALTH_SERVICE_SCALE, "52.81", "65", Nature.EXPECTED),
            row(22, TCM_MATERIAL_FARMING_OUTPUT, "9.63", "12", Nature.EXPECTED),
            row(23, TCM_MANUFACTURING_OUTPUT, "16.03", "20", Nature.EXPECTED),
            row(24, TCM_HEALTH_CULTURE_LITERACY, "18.9", "25", Nature.EXPECTED)));

    private QinzhouProfile() {
    }

    private static Target row(int row, IndicatorDefinition indicator, String value2020, String target2025,
            Nature nature) {
        return Target.atLeast(indicator, target2025, new Source(DOCUMENT, "专栏1 主要发展指标 第" + row + "项"))
                .withBaseline(BASELINE_YEAR, value2020)
                .withNature(nature);
    }
}
