package org.tcmeval.targets;

import java.util.List;

/**
 * Yulin city (玉林市), Guangxi, 2022 plan. Its annex table repeats Guangxi's rows 1-17 word for
 * word, so they are inherited; row 18 drops the 300,000-resident condition: every grade-2A+ county
 * TCM hospital leads a medical community, whatever the county's size.
 */
final class YulinProfile {

    static final String ID = "yulin-2022";
    static final String DOCUMENT = "yulin-grassroots-tcm-capacity-plan-2022";

    /** Row 18 in Yulin: only the grade part of Guangxi's condition is left. */
    static final Condition ROW_18_CONDITION = Condition.atLeast("tcmHospitalsGrade2aOrAbove", 1);

    static final TargetProfile PROFILE = new TargetProfile(ID, "4509", GuangxiProfile.ID, List.of(
            Target.atLeast(Indicators.TCM_LED_MEDICAL_COMMUNITY_COVERAGE, "30",
                    new Source(DOCUMENT, "附表 考核评价指标 第18项")).withCondition(ROW_18_CONDITION)));

    private YulinProfile() {
    }
}
