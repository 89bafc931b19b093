package org.tcmeval.targets;

import static org.tcmeval.targets.Indicators.*;

import java.util.List;

/**
 * Inner Mongolia Autonomous Region (内蒙古), grassroots TCM (蒙医药) capacity action plan: the 18
 * rows of its annex 考核评价指标 — numbered differently from Guangxi's — and the numeric targets of
 * its body text. Banner/county (旗县), sumu-township (苏木乡镇) and gacha-village (嘎查村) are the
 * county, township and village levels; 蒙医 hospitals and 蒙医馆 count as their TCM counterparts.
 * The plan sets its own full table, so the profile inherits only from the national baseline.
 */
final class InnerMongoliaProfile {

    static final String ID = "inner-mongolia";
    static final String DOCUMENT = "inner-mongolia-grassroots-tcm-capacity-plan";

    /** 二级以上 (grade 2 and above), which admits grade-2 hospitals whose sub-grade is not rated. */
    static final Condition GRADE_2_OR_ABOVE = Condition.gradeAtLeast(HospitalGrade.GRADE_2);
    /** 二级妇幼保健院: grade-2 MCH hospitals only. */
    static final Condition GRADE_2_ONLY = Condition.gradeBetween(HospitalGrade.GRADE_2, HospitalGrade.GRADE_2A);
    /**
     * Row 18 only encourages (鼓励) TCM hospitals to lead a medical community; the 30% coverage
     * applies to counties where one does.
     */
    static final Condition HAS_TCM_LED_COMMUNITY = Condition.atLeast("tcmLedMedicalCommunities", 1);

    static final TargetProfile PROFILE = new TargetProfile(ID, "15", NationalProfile.ID, List.of(
            atLeast(CHSC_THC_TECHNIQUE_CAPACITY, "100", annexRow(1)),
            atLeast(CHSS_TECHNIQUE_CAPACITY, "100", annexRow(2)),
            atLeast(VILLAGE_CLINIC_TECHNIQUE_CAPACITY, "80", annexRow(2)),
            atLeast(CHSS_TCM_SERVICE, "100", annexRow(3)),
            atLeast(VILLAGE_CLINIC_TCM_SERVICE, "80", annexRow(3)),
            atLeast(COUNTY_TCM_INSTITUTION_COVERAGE, "100", annexRow(4)),
            atLeast(CHSC_THC_TCM_CLINIC_AREA_AND_PHYSICIAN, "100", annexRow(5)),
            atLeast(COUNTY_TCM_HEALTH_EDUCATION_BASE, "100", annexRow(6)),
            atLeast(COUNTY_WITH_GRADE_2A_TCM_HOSPITAL, "100", annexRow(7)),
            atLeast(COUNTY_TCM_HOSPITAL_CAPACITY_STANDARD, "100", annexRow(7)),
            // The annex's "完成服务内涵建设" is the body text's 优质型中医馆 at 100%.
            atLeast(TCM_CLINIC_AREA_CONNOTATION, "100", new Source(DOCUMENT, "附件 考核评价指标 第8项；一、（二）主要目标")),
            atLeast(DEMONSTRATION_TCM_CLINIC_AREAS, "150", annexRow(8)),
            atLeast(TCM_CORNER, "10", annexRow(9)),
            atLeast(COUNTY_TCM_HOSPITAL_PREVENTIVE_DEPT, "100", annexRow(10)).withCondition(GRADE_2_OR_ABOVE),
            atLeast(COUNTY_TCM_HOSPITAL_REHAB_DEPT, "100", annexRow(10)).withCondition(GRADE_2_OR_ABOVE),
            atLeast(COUNTY_TCM_HOSPITAL_GERIATRICS_DEPT, "60", annexRow(11)).withCondition(GRADE_2_OR_ABOVE),
            atLeast(ELDERLY_TCM_HEALTH_MANAGEMENT_RATE, "75", annexRow(12)),
            atLeast(CHILD_TCM_HEALTH_MANAGEMENT_RATE, "85", annexRow(12)),
            atLeast(TCM_GP_DENSITY, "0.8", annexRow(13)),
            atLeast(TCM_PHYSICIAN_RATIO, "25", annexRow(14)),
            atLeast(CHSS_TCM_PHYSICIAN, "100", annexRow(15)),
            atLeast(VILLAGE_CLINIC_TCM_STAFF, "80", annexRow(16)),
            atLeast(TCM_CLINIC_AREA_PLATFORM_CONNECTION, "100", annexRow(17)),
            atLeast(TCM_LED_MEDICAL_COMMUNITY_COVERAGE, "30", annexRow(18)).withCondition(HAS_TCM_LED_COMMUNITY),
            atLeast(CHSS_TCM_STAFF, "100", body("一、（二）主要目标")),
            atLeast(TCM_CLINIC_AREA_CULTURE_CORNER, "100", body("一、（二）主要目标")),
            atLeast(COUNTY_TCM_HOSPITAL_GRADE_3, "30", body("一、（二）主要目标；二、（一）1")),
            atLeast(COUNTY_TCM_HOSPITAL_ELDERLY_FRIENDLY, "90", body("二、（一）1")),
            atLeast(COUNTY_GENERAL_HOSPITAL_TCM_DEPT, "90", body("二、（一）4")).withCondition(GRADE_2_OR_ABOVE),
            atLeast(COUNTY_MCH_HOSPITAL_TCM_DEPT, "70", body("二、（一）4")).withCondition(GRADE_2_ONLY),
            atLeast(COUNTY_TECHNIQUE_PROMOTION_CENTRE, "100", body("二、（三）8")),
            atLeast(COUNTY_TCM_HOSPITAL_GRASSROOTS_GUIDANCE_DEPT, "100", body("二、（四）10")),
            atLeast(CHSC_THC_TCM_VISIT_SHARE, "30", body("二、（四）11")),
            atLeast(CHSC_THC_TCM_PRESCRIPTION_SHARE, "30", body("二、（四）11")),
            atLeast(CHSC_THC_NON_DRUG_THERAPY_VISIT_SHARE, "10", body("二、（四）11"))));

    private InnerMongoliaProfile() {
    }

    private static Target atLeast(IndicatorDefinition indicator, String threshold, Source source) {
        return Target.atLeast(indicator, threshold, source);
    }

    private static Source annexRow(int row) {
        return new Source(DOCUMENT, "附件 考核评价指标 第" + row + "项");
    }

    private static Source body(String section) {
        return new Source(DOCUMENT, section);
    }
}
