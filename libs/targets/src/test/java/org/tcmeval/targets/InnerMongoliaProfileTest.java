package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcmeval.targets.ExpectedTarget.atLeast;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Inner Mongolia plan, seed inner-mongolia-grassroots-tcm-capacity-plan: 附件 考核评价指标 and body text. */
class InnerMongoliaProfileTest {

    static final String DOC = "inner-mongolia-grassroots-tcm-capacity-plan";
    static final TargetProfile PROFILE = CanonicalProfiles.INNER_MONGOLIA;

    static final List<ExpectedTarget> ROWS = List.of(
            // 第1项 100%社区卫生服务中心、苏木乡镇卫生院…开展6类10项以上中医药（蒙医药）适宜技术。
            atLeast("CHSC_THC_TECHNIQUE_CAPACITY", "100", "附件 考核评价指标 第1项"),
            // 第2项 100%社区卫生服务站、80%以上嘎查村卫生室…熟练开展4类6项以上…
            atLeast("CHSS_TECHNIQUE_CAPACITY", "100", "附件 考核评价指标 第2项"),
            atLeast("VILLAGE_CLINIC_TECHNIQUE_CAPACITY", "80", "附件 考核评价指标 第2项"),
            // 第3项 100%的社区卫生服务站和80%以上的嘎查村卫生室能够提供中医药（蒙医药）服务。
            atLeast("CHSS_TCM_SERVICE", "100", "附件 考核评价指标 第3项"),
            atLeast("VILLAGE_CLINIC_TCM_SERVICE", "80", "附件 考核评价指标 第3项"),
            // 第4项 实现旗县办中医（蒙医）医疗机构全覆盖。
            atLeast("COUNTY_TCM_INSTITUTION_COVERAGE", "100", "附件 考核评价指标 第4项"),
            // 第5项 社区卫生服务中心和苏木乡镇卫生院全部设置中医馆（蒙医馆）、配备中医（蒙医）医师。
            atLeast("CHSC_THC_TCM_CLINIC_AREA_AND_PHYSICIAN", "100", "附件 考核评价指标 第5项"),
            // 第6项 所有旗县级区域依托旗县级医院设置中医（蒙医）健康宣教基地。
            atLeast("COUNTY_TCM_HEALTH_EDUCATION_BASE", "100", "附件 考核评价指标 第6项"),
            // 第7项 每个旗县至少有1所中医（蒙医）医院达到“二级甲等”水平，旗县级中医（蒙医）医院均达到《…基本标准》。
            atLeast("COUNTY_WITH_GRADE_2A_TCM_HOSPITAL", "100", "附件 考核评价指标 第7项"),
            atLeast("COUNTY_TCM_HOSPITAL_CAPACITY_STANDARD", "100", "附件 考核评价指标 第7项"),
            // 第8项 100%的…中医馆（蒙医馆）完成服务内涵建设; 一（二）优质型中医馆（蒙医馆）达到100%
            atLeast("TCM_CLINIC_AREA_CONNOTATION", "100", "附件 考核评价指标 第8项；一、（二）主要目标"),
            // 第8项 …打造150个示范型中医馆（蒙医馆）。
            atLeast("DEMONSTRATION_TCM_CLINIC_AREAS", "150", "附件 考核评价指标 第8项"),
            // 第9项 10%的社区卫生服务站和嘎查村卫生室设置“中医阁”“蒙医阁”。
            atLeast("TCM_CORNER", "10", "附件 考核评价指标 第9项"),
            // 第10项 100%的二级以上旗县级中医（蒙医）医院设置治未病科和康复科。
            atLeast("COUNTY_TCM_HOSPITAL_PREVENTIVE_DEPT", "100", "附件 考核评价指标 第10项"),
            atLeast("COUNTY_TCM_HOSPITAL_REHAB_DEPT", "100", "附件 考核评价指标 第10项"),
            // 第11项 60%的二级以上旗县级中医（蒙医）医院设置老年病科。
            atLeast("COUNTY_TCM_HOSPITAL_GERIATRICS_DEPT", "60", "附件 考核评价指标 第11项"),
            // 第12项 各旗县（市、区）老年人和儿童中医药（蒙医药）健康管理率分别达到75%和85%。
            atLeast("ELDERLY_TCM_HEALTH_MANAGEMENT_RATE", "75", "附件 考核评价指标 第12项"),
            atLeast("CHILD_TCM_HEALTH_MANAGEMENT_RATE", "85", "附件 考核评价指标 第12项"),
            // 第13项 基本实现城乡每万居民有0.8名合格的中医类别全科医生。
            atLeast("TCM_GP_DENSITY", "0.8", "附件 考核评价指标 第13项"),
            // 第14项 …中医类别医师占同类机构医师总数比例达到25%以上。
            atLeast("TCM_PHYSICIAN_RATIO", "25", "附件 考核评价指标 第14项"),
            // 第15项 社区卫生服务站至少配备1名中医类别医师或…临床类别医师。
            atLeast("CHSS_TCM_PHYSICIAN", "100", "附件 考核评价指标 第15项"),
            // 第16项 80%以上的嘎查村卫生室至少配备1名能够提供中医药（蒙医药）服务的医务人员。
            atLeast("VILLAGE_CLINIC_TCM_STAFF", "80", "附件 考核评价指标 第16项"),
            // 第17项 所有中医馆（蒙医馆）全部接入中医馆（蒙医馆）健康信息平台…
            atLeast("TCM_CLINIC_AREA_PLATFORM_CONNECTION", "100", "附件 考核评价指标 第17项"),
            // 第18项 鼓励…牵头组建紧密型医共体，…覆盖人口原则上不低于县域人口的30%。
            atLeast("TCM_LED_MEDICAL_COMMUNITY_COVERAGE", "30", "附件 考核评价指标 第18项"),
            // 一（二）100%社区卫生服务站…至少配备1名能够提供中医药（蒙医药）服务的医务人员
            atLeast("CHSS_TCM_STAFF", "100", "一、（二）主要目标"),
            // 一（二）所有基层医疗机构中医馆（蒙医馆）等建设中医药（蒙医药）健康文化知识角
            atLeast("TCM_CLINIC_AREA_CULTURE_CORNER", "100", "一、（二）主要目标"),
            // 一（二）、二（一）1 30%以上的旗县级中医（蒙医）医院达到三级医院水平
            atLeast("COUNTY_TCM_HOSPITAL_GRADE_3", "30", "一、（二）主要目标；二、（一）1"),
            // 二（一）1 90%以上旗县级中医（蒙医）医疗机构建设成为老年友善医疗机构
            atLeast("COUNTY_TCM_HOSPITAL_ELDERLY_FRIENDLY", "90", "二、（一）1"),
            // 二（一）4 90%二级及以上综合医院设置中医（蒙医）类临床科室
            atLeast("COUNTY_GENERAL_HOSPITAL_TCM_DEPT", "90", "二、（一）4"),
            // 二（一）4 70%的二级妇幼保健院设置中医（蒙医）类临床科室
            atLeast("COUNTY_MCH_HOSPITAL_TCM_DEPT", "70", "二、（一）4"),
            // 二（三）8 原则上所有盟市、旗县均应设置符合标准的…推广中心
            atLeast("COUNTY_TECHNIQUE_PROMOTION_CENTRE", "100", "二、（三）8"),
            // 二（四）10 旗县级中医（蒙医）医院设立基层指导科
            atLeast("COUNTY_TCM_HOSPITAL_GRASSROOTS_GUIDANCE_DEPT", "100", "二、（四）10"),
            // 二（四）11 中医（蒙医）诊疗人次占机构总诊疗人次的比例达30%以上
            atLeast("CHSC_THC_TCM_VISIT_SHARE", "30", "二、（四）11"),
            // 二（四）11 中医（蒙医）处方占总处方比例达30%以上
            atLeast("CHSC_THC_TCM_PRESCRIPTION_SHARE", "30", "二、（四）11"),
            // 二（四）11 中医（蒙医）非药物疗法治疗人次占总诊疗人次比例达10%以上
            atLeast("CHSC_THC_NON_DRUG_THERAPY_VISIT_SHARE", "10", "二、（四）11"));

    static Stream<ExpectedTarget> rows() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void transcribesTheRow(ExpectedTarget row) {
        Target t = row.assertIn(PROFILE, DOC);
        // 备注：除特别说明外，完成指标要求的截止时间均为2025年。
        assertThat(t.deadlineYear()).isEqualTo(2025);
        assertThat(t.nature()).isEqualTo(Nature.EXPECTED);
    }

    @Test
    void setsExactlyTheTranscribedRows() {
        ExpectedTarget.assertExactly(PROFILE, ROWS);
        assertThat(PROFILE.divisionCode()).isEqualTo("15");
        assertThat(PROFILE.parentId()).isEqualTo("national");
    }

    @Test
    void demonstrationClinicAreasAreAnAbsoluteCount() {
        // 全区打造150个示范型中医馆（蒙医馆）: a number of units, not a share.
        assertThat(Indicators.DEMONSTRATION_TCM_CLINIC_AREAS.shape()).isEqualTo(ComputationShape.COUNT);
        assertThat(Indicators.DEMONSTRATION_TCM_CLINIC_AREAS.unit()).isEqualTo(Unit.COUNT);
    }

    @Test
    void departmentRowsCountGradeTwoAndAboveHospitalsOnly() {
        // 第10、11项 二级以上: a grade-2 hospital without a sub-grade counts, a grade-1 one does not.
        for (String code : List.of("COUNTY_TCM_HOSPITAL_PREVENTIVE_DEPT", "COUNTY_TCM_HOSPITAL_REHAB_DEPT",
                "COUNTY_TCM_HOSPITAL_GERIATRICS_DEPT", "COUNTY_GENERAL_HOSPITAL_TCM_DEPT")) {
            Target t = PROFILE.target(code).orElseThrow();
            assertThat(t.appliesTo(grade(HospitalGrade.GRADE_2))).as(code).isTrue();
            assertThat(t.appliesTo(grade(HospitalGrade.GRADE_3A))).as(code).isTrue();
            assertThat(t.appliesTo(grade(HospitalGrade.GRADE_1A))).as(code).isFalse();
        }
        // 二（一）4 70%的二级妇幼保健院: grade 2 only.
        Target mch = PROFILE.target("COUNTY_MCH_HOSPITAL_TCM_DEPT").orElseThrow();
        assertThat(mch.appliesTo(grade(HospitalGrade.GRADE_2B))).isTrue();
        assertThat(mch.appliesTo(grade(HospitalGrade.GRADE_3))).isFalse();
    }

    @Test
    void gradeThreeRuleAdmitsEveryGradeThreeHospital() {
        // 30%以上的旗县级中医（蒙医）医院达到三级医院水平
        Condition rule = Indicators.COUNTY_TCM_HOSPITAL_GRADE_3.perUnitRule();
        assertThat(rule.test(grade(HospitalGrade.GRADE_3))).isTrue();
        assertThat(rule.test(grade(HospitalGrade.GRADE_2A))).isFalse();
    }

    @Test
    void medicalCommunityRowAppliesWhereATcmHospitalLeadsOne() {
        // 第18项 only encourages (鼓励) leading a community; no 300,000-resident condition.
        Target t = PROFILE.target("TCM_LED_MEDICAL_COMMUNITY_COVERAGE").orElseThrow();
        assertThat(t.condition().fields()).containsExactly("tcmLedMedicalCommunities");
        assertThat(t.appliesTo(Map.of("tcmLedMedicalCommunities", BigDecimal.ONE))).isTrue();
        assertThat(t.appliesTo(Map.of("tcmLedMedicalCommunities", BigDecimal.ZERO))).isFalse();
    }

    static Map<String, BigDecimal> grade(HospitalGrade g) {
        return Map.of(HospitalGrade.FACT, g.asFact());
    }
}
