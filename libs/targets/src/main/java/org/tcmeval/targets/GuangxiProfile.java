package org.tcmeval.targets;

import static org.tcmeval.targets.Indicators.*;
import static org.tcmeval.targets.Target.between;

import java.util.List;

/**
 * Guangxi Zhuang Autonomous Region (广西), 2022 implementation plan (桂中医药医发〔2022〕12号):
 * the 18 rows of its annex table 考核评价指标, plus the numeric targets of the body text that the
 * annex leaves out. The plans do not label these targets binding or expected; they are recorded as
 * expected. All are due end of 2025 (备注：除特别说明外，完成指标要求的截止时间均为2025年).
 */
final class GuangxiProfile {

    static final String ID = "guangxi-2022";
    static final String DOCUMENT = "guangxi-grassroots-tcm-capacity-plan-2022";

    /**
     * Row 18's applicability: the requirement binds counties of more than 300,000 residents, and
     * its subject is a grade-2A+ county TCM hospital, so a county without one has nothing to lead.
     */
    static final Condition ROW_18_CONDITION = Condition.all(
            Condition.greaterThan("residentPopulation", 300_000), Condition.atLeast("tcmHospitalsGrade2aOrAbove", 1));

    static final TargetProfile PROFILE = new TargetProfile(ID, "45", NationalProfile.ID, List.of(
            atLeast(COUNTY_TCM_INSTITUTION_COVERAGE, "100", annexRow(1)),
            atLeast(CHSC_THC_TECHNIQUE_CAPACITY, "100", annexRow(2)),
            atLeast(CHSS_TECHNIQUE_CAPACITY, "100", annexRow(3)),
            atLeast(VILLAGE_CLINIC_TECHNIQUE_CAPACITY, "80", annexRow(3)),
            atLeast(CHSS_TCM_STAFF, "100", annexRow(4)),
            atLeast(VILLAGE_CLINIC_TCM_STAFF, "80", new Source(DOCUMENT, "附表 考核评价指标 第4项、第16项")),
            atLeast(CHSC_THC_TCM_CLINIC_AREA_AND_PHYSICIAN, "100", annexRow(5)),
            atLeast(COUNTY_TCM_HEALTH_EDUCATION_BASE, "100", annexRow(6)),
            atLeast(COUNTY_TCM_HOSPITAL_GRADE_2A, "80", annexRow(7)),
            atLeast(COUNTY_TCM_HOSPITAL_CAPACITY_STANDARD, "100", annexRow(7)),
            atLeast(TCM_CLINIC_AREA_CONNOTATION, "15", annexRow(8)),
            atLeast(TCM_CORNER, "10", annexRow(9)),
            atLeast(COUNTY_TCM_HOSPITAL_REHAB_DEPT, "75", annexRow(10)),
            atLeast(COUNTY_TCM_HOSPITAL_GERIATRICS_DEPT, "60", annexRow(11)),
            atLeast(ELDERLY_TCM_HEALTH_MANAGEMENT_RATE, "75", annexRow(12)),
            atLeast(CHILD_TCM_HEALTH_MANAGEMENT_RATE, "85", annexRow(12)),
            between(TCM_GP_DENSITY, "0.4", "0.7", annexRow(13)),
            atLeast(TCM_PHYSICIAN_RATIO, "25", annexRow(14)),
            atLeast(CHSS_TCM_PHYSICIAN, "100", annexRow(15)),
            atLeast(TCM_CLINIC_AREA_PLATFORM_CONNECTION, "100", annexRow(17)),
            atLeast(TCM_LED_MEDICAL_COMMUNITY_COVERAGE, "30", annexRow(18)).withCondition(ROW_18_CONDITION),
            atLeast(COUNTY_GENERAL_HOSPITAL_TCM_DEPT, "90", body("二、重点任务（一）1")),
            atLeast(COUNTY_MCH_HOSPITAL_TCM_SPECIALTY_SERVICE, "60", body("二、重点任务（一）1")),
            atLeast(COUNTY_TECHNIQUE_PROMOTION_CENTRE, "100", body("二、重点任务（三）8")),
            atLeast(COUNTY_TCM_HOSPITAL_PREVENTIVE_DEPT, "100", body("二、重点任务（四）11"))));

    private GuangxiProfile() {
    }

    private static Target atLeast(IndicatorDefinition indicator, String threshold, Source source) {
        return Target.atLeast(indicator, threshold, source);
    }

    private static Source annexRow(int row) {
        return new Source(DOCUMENT, "附表 考核评价指标 第" + row + "项");
    }

    private static Source body(String section) {
        return new Source(DOCUMENT, section);
    }
}
