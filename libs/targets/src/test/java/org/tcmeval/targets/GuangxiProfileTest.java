package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcmeval.targets.ExpectedTarget.atLeast;
import static org.tcmeval.targets.ExpectedTarget.between;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Guangxi 2022 plan, seed guangxi-grassroots-tcm-capacity-plan-2022: 附表 考核评价指标 and body text. */
class GuangxiProfileTest {

    static final String DOC = "guangxi-grassroots-tcm-capacity-plan-2022";
    static final TargetProfile PROFILE = CanonicalProfiles.GUANGXI;

    static final List<ExpectedTarget> ROWS = List.of(
            // 第1项 基本实现县办中医医疗机构全覆盖。
            atLeast("COUNTY_TCM_INSTITUTION_COVERAGE", "100", "附表 考核评价指标 第1项"),
            // 第2项 100%社区卫生服务中心、乡镇卫生院能够规范开展10项以上中医药适宜技术。
            atLeast("CHSC_THC_TECHNIQUE_CAPACITY", "100", "附表 考核评价指标 第2项"),
            // 第3项 100%社区卫生服务站、80%以上村卫生室能够规范开展4类6项以上中医药适宜技术。
            atLeast("CHSS_TECHNIQUE_CAPACITY", "100", "附表 考核评价指标 第3项"),
            atLeast("VILLAGE_CLINIC_TECHNIQUE_CAPACITY", "80", "附表 考核评价指标 第3项"),
            // 第4项 100%的社区卫生服务站和80%以上的村卫生室至少配备1名能够提供中医药服务的医务人员。
            atLeast("CHSS_TCM_STAFF", "100", "附表 考核评价指标 第4项"),
            // 第4项 second half = 第16项 80%以上的村卫生室至少配备1名能够提供中医药服务的医务人员。
            atLeast("VILLAGE_CLINIC_TCM_STAFF", "80", "附表 考核评价指标 第4项、第16项"),
            // 第5项 社区卫生服务中心和乡镇卫生院全部设置中医馆、配备中医医师。
            atLeast("CHSC_THC_TCM_CLINIC_AREA_AND_PHYSICIAN", "100", "附表 考核评价指标 第5项"),
            // 第6项 所有县级区域依托县级医院设置中医健康宣教基地。
            atLeast("COUNTY_TCM_HEALTH_EDUCATION_BASE", "100", "附表 考核评价指标 第6项"),
            // 第7项 80%以上的县级中医医院达到“二级甲等中医医院”水平，县级中医医院均达到《…基本标准》。
            atLeast("COUNTY_TCM_HOSPITAL_GRADE_2A", "80", "附表 考核评价指标 第7项"),
            atLeast("COUNTY_TCM_HOSPITAL_CAPACITY_STANDARD", "100", "附表 考核评价指标 第7项"),
            // 第8项 15%的社区卫生服务中心和乡镇卫生院中医馆完成服务内涵建设（旗舰中医馆）。
            atLeast("TCM_CLINIC_AREA_CONNOTATION", "15", "附表 考核评价指标 第8项"),
            // 第9项 10%的社区卫生服务站和村卫生室设置“中医阁”。
            atLeast("TCM_CORNER", "10", "附表 考核评价指标 第9项"),
            // 第10项 75%的县办中医医院设置康复科。
            atLeast("COUNTY_TCM_HOSPITAL_REHAB_DEPT", "75", "附表 考核评价指标 第10项"),
            // 第11项 60%的县办中医医院设置老年病科。
            atLeast("COUNTY_TCM_HOSPITAL_GERIATRICS_DEPT", "60", "附表 考核评价指标 第11项"),
            // 第12项 各县（市、区）老年人和儿童中医药健康管理率分别达到75%和85%。
            atLeast("ELDERLY_TCM_HEALTH_MANAGEMENT_RATE", "75", "附表 考核评价指标 第12项"),
            atLeast("CHILD_TCM_HEALTH_MANAGEMENT_RATE", "85", "附表 考核评价指标 第12项"),
            // 第13项 基本实现城乡每万常住居民有0.4-0.7名合格的中医类别全科医生。
            between("TCM_GP_DENSITY", "0.4", "0.7", "附表 考核评价指标 第13项"),
            // 第14项 …中医类别医师占同类机构医师总数比例达到25%以上。
            atLeast("TCM_PHYSICIAN_RATIO", "25", "附表 考核评价指标 第14项"),
            // 第15项 社区卫生服务站至少配备1名中医类别医师或能够提供中医药服务的临床类别医师。
            atLeast("CHSS_TCM_PHYSICIAN", "100", "附表 考核评价指标 第15项"),
            // 第17项 所有中医馆全部接入中医馆健康信息平台…
            atLeast("TCM_CLINIC_AREA_PLATFORM_CONNECTION", "100", "附表 考核评价指标 第17项"),
            // 第18项 …中医医院牵头的医共体覆盖人口原则上不低于县域常住人口的30%。
            atLeast("TCM_LED_MEDICAL_COMMUNITY_COVERAGE", "30", "附表 考核评价指标 第18项"),
            // 二（一）1 设置中医类临床科室的县级公立综合医院比例达90%
            atLeast("COUNTY_GENERAL_HOSPITAL_TCM_DEPT", "90", "二、重点任务（一）1"),
            // 二（一）1 县级妇幼保健院开展中医药专科服务的比例达到60%
            atLeast("COUNTY_MCH_HOSPITAL_TCM_SPECIALTY_SERVICE", "60", "二、重点任务（一）1"),
            // 二（三）8 原则上所有县域均应设置符合标准的中医药适宜技术推广中心
            atLeast("COUNTY_TECHNIQUE_PROMOTION_CENTRE", "100", "二、重点任务（三）8"),
            // 二（四）11 全部县级中医医院设置治未病科
            atLeast("COUNTY_TCM_HOSPITAL_PREVENTIVE_DEPT", "100", "二、重点任务（四）11"));

    static Stream<ExpectedTarget> rows() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void transcribesTheRow(ExpectedTarget row) {
        Target t = row.assertIn(PROFILE, DOC);
        // 备注：除特别说明外，完成指标要求的截止时间均为2025年。 The plan labels no nature; expected by convention.
        assertThat(t.deadlineYear()).isEqualTo(2025);
        assertThat(t.nature()).isEqualTo(Nature.EXPECTED);
        assertThat(t.baseline()).isNull();
    }

    @Test
    void setsExactlyTheTranscribedRows() {
        ExpectedTarget.assertExactly(PROFILE, ROWS);
        assertThat(PROFILE.divisionCode()).isEqualTo("45");
        assertThat(PROFILE.parentId()).isEqualTo("national");
    }

    @Test
    void techniqueRulesFollowTheBodyTextCountsOfClassesAndItems() {
        // Annex row 2 says only "10项以上"; body 二（四）10 says "每个社区卫生服务中心、乡镇卫生院能够规范开展6类10项以上".
        assertThat(Indicators.CHSC_THC_TECHNIQUE_CAPACITY.perUnitRule().describe())
                .isEqualTo("techniqueClasses >= 6 and techniqueItems >= 10");
        // Annex row 3: "4类6项以上" for stations and village clinics.
        assertThat(Indicators.CHSS_TECHNIQUE_CAPACITY.perUnitRule().describe())
                .isEqualTo("techniqueClasses >= 4 and techniqueItems >= 6");
        assertThat(Indicators.VILLAGE_CLINIC_TECHNIQUE_CAPACITY.perUnitRule().describe())
                .isEqualTo("techniqueClasses >= 4 and techniqueItems >= 6");
        // A centre with 10 items in 5 classes meets the annex's literal wording but not the body's rule.
        assertThat(Indicators.CHSC_THC_TECHNIQUE_CAPACITY.perUnitRule().test(
                Map.of("techniqueClasses", BigDecimal.valueOf(5), "techniqueItems", BigDecimal.TEN))).isFalse();
    }

    @Test
    void rowFifteenAcceptsEitherKindOfPhysician() {
        // 第15项 至少配备1名中医类别医师或能够提供中医药服务的临床类别医师
        Condition rule = Indicators.CHSS_TCM_PHYSICIAN.perUnitRule();
        assertThat(rule.test(Map.of("tcmPhysicians", BigDecimal.ZERO, "tcmCapableClinicalPhysicians", BigDecimal.ONE)))
                .isTrue();
        assertThat(rule.test(Map.of("tcmPhysicians", BigDecimal.ONE))).isTrue();
        assertThat(rule.test(Map.of("tcmPhysicians", BigDecimal.ZERO, "tcmCapableClinicalPhysicians", BigDecimal.ZERO)))
                .isFalse();
    }

    @Test
    void rowThirteenCountsPerTenThousandResidents() {
        assertThat(Indicators.TCM_GP_DENSITY.populationScale()).isEqualTo(10_000);
        assertThat(Indicators.TCM_GP_DENSITY.unit()).isEqualTo(Unit.PER_10K_RESIDENTS);
    }

    @Test
    void rowEighteenAppliesToCountiesAboveThreeHundredThousandWithAGrade2aHospital() {
        // 第18项 县域内常住人口大于30万人的县（市、区），二级甲等及以上县级中医医院应当牵头组建医共体
        Target t = PROFILE.target("TCM_LED_MEDICAL_COMMUNITY_COVERAGE").orElseThrow();
        assertThat(t.condition().describe())
                .isEqualTo("residentPopulation > 300000 and tcmHospitalsGrade2aOrAbove >= 1");
        assertThat(t.appliesTo(county(300_001, 1))).isTrue();
        assertThat(t.appliesTo(county(300_000, 1))).as("大于30万: exactly 300,000 is not above").isFalse();
        assertThat(t.appliesTo(county(800_000, 0))).as("no grade-2A county TCM hospital to lead").isFalse();
    }

    @Test
    void otherTargetsApplyEverywhere() {
        assertThat(PROFILE.targets()).filteredOn(t -> !t.indicatorCode().equals("TCM_LED_MEDICAL_COMMUNITY_COVERAGE"))
                .allSatisfy(t -> assertThat(t.condition()).isEqualTo(Condition.NONE));
    }

    static Map<String, BigDecimal> county(long residents, long grade2aHospitals) {
        return Map.of("residentPopulation", BigDecimal.valueOf(residents),
                "tcmHospitalsGrade2aOrAbove", BigDecimal.valueOf(grade2aHospitals));
    }
}
