package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcmeval.targets.ExpectedTarget.atLeast;
import static org.tcmeval.targets.ExpectedTarget.between;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Beilun 2023 demonstration-district plan, seed beilun-demonstration-district-plan-2023: 四、工作内容. */
class BeilunProfileTest {

    static final String DOC = "beilun-demonstration-district-plan-2023";
    static final TargetProfile PROFILE = CanonicalProfiles.BEILUN;

    static final List<ExpectedTarget> ROWS = List.of(
            // 四（三）1 区中医院力争达到三级乙等建设标准
            atLeast("COUNTY_TCM_HOSPITAL_GRADE_3B", "100", "四、（三）1"),
            // 四（三）1 设置感染性疾病科
            atLeast("COUNTY_TCM_HOSPITAL_INFECTIOUS_DISEASE_DEPT", "100", "四、（三）1"),
            // 四（三）1 成立基层中医药指导科室
            atLeast("COUNTY_TCM_HOSPITAL_GRASSROOTS_GUIDANCE_DEPT", "100", "四、（三）1"),
            // 四（三）1 在医联体建设中…力争覆盖人口不低于30%
            atLeast("TCM_LED_MEDICAL_COMMUNITY_COVERAGE", "30", "四、（三）1"),
            // 四（三）2 社区卫生服务中心全部规范设置中医科
            atLeast("CHSC_TCM_DEPT", "100", "四、（三）2"),
            // 四（三）2 社区卫生服务中心全部设置中医馆，接入中医健康信息平台
            atLeast("CHSC_THC_TCM_CLINIC_AREA", "100", "四、（三）2"),
            atLeast("TCM_CLINIC_AREA_PLATFORM_CONNECTION", "100", "四、（三）2"),
            // 四（三）2 社区卫生服务中心全部设立康复科室
            atLeast("CHSC_REHAB_DEPT", "100", "四、（三）2"),
            // 四（三）2 社区卫生服务站全部具备提供中医药服务的场所和设施设备
            atLeast("CHSS_TCM_PREMISES", "100", "四、（三）2"),
            // 四（三）2 10%以上的社区卫生服务站、村卫生室设立“中医阁”
            atLeast("TCM_CORNER", "10", "四、（三）2"),
            // 四（四）1 达到城乡每万名居民有0.6-0.8名合格的中医类别全科医生
            between("TCM_GP_DENSITY", "0.6", "0.8", "四、（四）1"),
            // 四（四）2 区中医院中医类别医师占本机构医师总数的比例达到60%以上
            atLeast("COUNTY_TCM_HOSPITAL_TCM_PHYSICIAN_RATIO", "60", "四、（四）2"),
            // 四（四）2 全部社区卫生服务中心中医类别医师占本机构医师总数的比例达到25%以上
            atLeast("CHSC_TCM_PHYSICIAN_SHARE_EACH", "100", "四、（四）2"),
            // 四（四）2 全部社区卫生服务站至少配备1名中医类别医师或能够提供中医药服务的临床类别医师
            atLeast("CHSS_TCM_PHYSICIAN", "100", "四、（四）2"),
            // 四（五）1 成立区域中医药适宜技术推广中心
            atLeast("COUNTY_TECHNIQUE_PROMOTION_CENTRE", "100", "四、（五）1"),
            // 四（五）2 中医诊疗人次占总诊疗人次的比例达 35%以上
            atLeast("CHSC_TCM_VISIT_SHARE", "35", "四、（五）2"),
            // 四（五）3 全部社区卫生服务中心…6 类 10 项以上；全部社区卫生服务站…4 类 6 项以上
            atLeast("CHSC_THC_TECHNIQUE_CAPACITY", "100", "四、（五）3"),
            atLeast("CHSS_TECHNIQUE_CAPACITY", "100", "四、（五）3"),
            // 四（五）8 健康教育宣传中医药内容占比达50%以上，接受教育人次占比达50%以上
            atLeast("HEALTH_EDUCATION_TCM_CONTENT_SHARE", "50", "四、（五）8"),
            atLeast("HEALTH_EDUCATION_TCM_AUDIENCE_SHARE", "50", "四、（五）8"));

    static Stream<ExpectedTarget> rows() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void transcribesTheRow(ExpectedTarget row) {
        Target t = row.assertIn(PROFILE, DOC);
        // 五、时间安排（四）迎评阶段：2023年10月—11月 — the district is assessed in 2023.
        assertThat(t.deadlineYear()).isEqualTo(2023);
        assertThat(t.nature()).isEqualTo(Nature.EXPECTED);
        assertThat(t.condition()).isEqualTo(Condition.NONE);
    }

    @Test
    void setsExactlyTheTranscribedRows() {
        ExpectedTarget.assertExactly(PROFILE, ROWS);
        assertThat(PROFILE.divisionCode()).isEqualTo("330206");
        assertThat(PROFILE.parentId()).isEqualTo("national");
    }

    @Test
    void everyCentreMustReachTwentyFivePercentOnItsOwn() {
        // 全部社区卫生服务中心…达到25%以上: a compliance rate of 100% over a per-institution share rule.
        IndicatorDefinition each = Indicators.CHSC_TCM_PHYSICIAN_SHARE_EACH;
        assertThat(each.shape()).isEqualTo(ComputationShape.COMPLIANCE_RATE);
        assertThat(each.applicableTypes()).containsExactly(InstitutionType.CHSC);
        assertThat(each.perUnitRule().describe()).isEqualTo("tcmPhysicians >= 25% of physicians");
        // Centre A 4/8 = 50% and centre B 1/8 = 12.5%: 5/16 = 31.25% in aggregate, yet B fails the rule.
        assertThat(each.perUnitRule().test(centre(4, 8))).isTrue();
        assertThat(each.perUnitRule().test(centre(1, 8))).isFalse();
        assertThat(each.perUnitRule().test(centre(2, 8))).as("exactly 25%").isTrue();
    }

    @Test
    void districtHospitalRatioIsOverItsOwnPhysicians() {
        // 区中医院中医类别医师占本机构医师总数的比例达到60%以上
        IndicatorDefinition ratio = Indicators.COUNTY_TCM_HOSPITAL_TCM_PHYSICIAN_RATIO;
        assertThat(ratio.applicableTypes()).containsExactly(InstitutionType.COUNTY_TCM_HOSPITAL);
        assertThat(ratio.numeratorField()).isEqualTo("tcmPhysicians");
        assertThat(ratio.denominatorField()).isEqualTo("physicians");
    }

    @Test
    void gradeThreeBRuleExcludesAGradeThreeHospitalWithoutSubGrade() {
        Condition rule = Indicators.COUNTY_TCM_HOSPITAL_GRADE_3B.perUnitRule();
        assertThat(rule.test(Map.of(HospitalGrade.FACT, HospitalGrade.GRADE_3B.asFact()))).isTrue();
        assertThat(rule.test(Map.of(HospitalGrade.FACT, HospitalGrade.GRADE_3A.asFact()))).isTrue();
        assertThat(rule.test(Map.of(HospitalGrade.FACT, HospitalGrade.GRADE_3C.asFact()))).isFalse();
    }

    static Map<String, BigDecimal> centre(long tcm, long all) {
        return Map.of("tcmPhysicians", BigDecimal.valueOf(tcm), "physicians", BigDecimal.valueOf(all));
    }
}
