package org.tcmeval.targets;

import static org.tcmeval.targets.Indicators.*;

import java.util.List;

/**
 * Beilun district (北仑区), Ningbo, 2023 plan to become a national grassroots TCM demonstration
 * district (全国基层中医药工作示范区): the numeric requirements of its sections 四（三）-（五）.
 * Zhejiang's own plan is not among the seeds, so the district inherits from the national baseline.
 * The plan is due at the evaluation of 2023 (五、时间安排（四）迎评阶段：2023年10月—11月), not 2025,
 * The plan labels no target binding or expected; all are recorded as expected, which also fits the
 * two it only strives for (力争): the grade-3B district hospital and the 30% medical-alliance coverage.
 */
final class BeilunProfile {

    static final String ID = "beilun-2023";
    static final String DOCUMENT = "beilun-demonstration-district-plan-2023";
    static final int DEADLINE = 2023;

    static final TargetProfile PROFILE = new TargetProfile(ID, "330206", NationalProfile.ID, List.of(
            atLeast(COUNTY_TCM_HOSPITAL_GRADE_3B, "100", "四、（三）1"),
            atLeast(COUNTY_TCM_HOSPITAL_INFECTIOUS_DISEASE_DEPT, "100", "四、（三）1"),
            atLeast(COUNTY_TCM_HOSPITAL_GRASSROOTS_GUIDANCE_DEPT, "100", "四、（三）1"),
            atLeast(TCM_LED_MEDICAL_COMMUNITY_COVERAGE, "30", "四、（三）1"),
            atLeast(CHSC_TCM_DEPT, "100", "四、（三）2"),
            atLeast(CHSC_THC_TCM_CLINIC_AREA, "100", "四、（三）2"),
            atLeast(TCM_CLINIC_AREA_PLATFORM_CONNECTION, "100", "四、（三）2"),
            atLeast(CHSC_REHAB_DEPT, "100", "四、（三）2"),
            atLeast(CHSS_TCM_PREMISES, "100", "四、（三）2"),
            atLeast(TCM_CORNER, "10", "四、（三）2"),
            between(TCM_GP_DENSITY, "0.6", "0.8", "四、（四）1"),
            atLeast(COUNTY_TCM_HOSPITAL_TCM_PHYSICIAN_RATIO, "60", "四、（四）2"),
            atLeast(CHSC_TCM_PHYSICIAN_SHARE_EACH, "100", "四、（四）2"),
            atLeast(CHSS_TCM_PHYSICIAN, "100", "四、（四）2"),
            atLeast(COUNTY_TECHNIQUE_PROMOTION_CENTRE, "100", "四、（五）1"),
            atLeast(CHSC_TCM_VISIT_SHARE, "35", "四、（五）2"),
            atLeast(CHSC_THC_TECHNIQUE_CAPACITY, "100", "四、（五）3"),
            atLeast(CHSS_TECHNIQUE_CAPACITY, "100", "四、（五）3"),
            atLeast(HEALTH_EDUCATION_TCM_CONTENT_SHARE, "50", "四、（五）8"),
            atLeast(HEALTH_EDUCATION_TCM_AUDIENCE_SHARE, "50", "四、（五）8")));

    private BeilunProfile() {
    }

    private static Target atLeast(IndicatorDefinition indicator, String threshold, String section) {
        return Target.atLeast(indicator, threshold, new Source(DOCUMENT, section)).withDeadlineYear(DEADLINE);
    }

    private static Target between(IndicatorDefinition indicator, String lower, String upper, String section) {
        return Target.between(indicator, lower, upper, new Source(DOCUMENT, section)).withDeadlineYear(DEADLINE);
    }
}
