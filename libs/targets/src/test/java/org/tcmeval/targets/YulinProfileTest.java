package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Yulin 2022 plan, seed yulin-grassroots-tcm-capacity-plan-2022: 附表 考核评价指标. */
class YulinProfileTest {

    static final String DOC = "yulin-grassroots-tcm-capacity-plan-2022";
    static final TargetProfile PROFILE = CanonicalProfiles.YULIN;
    /** Yuzhou district (玉州区), a county-level division of Yulin. */
    static final String YUZHOU = "450902";

    final TargetResolver resolver = new TargetResolver(CanonicalProfiles.ALL);

    @Test
    void overridesOnlyRowEighteen() {
        // 第18项 县域内所有二级甲等及以上县级中医医院应当牵头组建医共体，…覆盖人口原则上不低于县域常住人口的30%。
        ExpectedTarget.assertExactly(PROFILE, List.of(
                ExpectedTarget.atLeast("TCM_LED_MEDICAL_COMMUNITY_COVERAGE", "30", "附表 考核评价指标 第18项")));
        Target t = ExpectedTarget.atLeast("TCM_LED_MEDICAL_COMMUNITY_COVERAGE", "30", "附表 考核评价指标 第18项")
                .assertIn(PROFILE, DOC);
        assertThat(t.deadlineYear()).isEqualTo(2025);
        assertThat(PROFILE.divisionCode()).isEqualTo("4509");
        assertThat(PROFILE.parentId()).isEqualTo("guangxi-2022");
    }

    @Test
    void rowEighteenHasNoPopulationCondition() {
        Target t = PROFILE.target("TCM_LED_MEDICAL_COMMUNITY_COVERAGE").orElseThrow();
        assertThat(t.condition().fields()).containsExactly("tcmHospitalsGrade2aOrAbove");
        // A county of 200,000 with a grade-2A TCM hospital is bound in Yulin, not in the rest of Guangxi.
        var small = Map.of("residentPopulation", BigDecimal.valueOf(200_000),
                "tcmHospitalsGrade2aOrAbove", BigDecimal.ONE);
        assertThat(t.appliesTo(small)).isTrue();
        assertThat(CanonicalProfiles.GUANGXI.target("TCM_LED_MEDICAL_COMMUNITY_COVERAGE").orElseThrow().appliesTo(small))
                .isFalse();
    }

    /** Yulin's annex rows 1-17 as its own text states them; they reach a Yulin county from Guangxi. */
    static Stream<Arguments> inheritedRows() {
        return Stream.of(
                // 第1项 基本实现县办中医医疗机构全覆盖。
                Arguments.of("COUNTY_TCM_INSTITUTION_COVERAGE", "100", null),
                // 第2项 100%社区卫生服务中心、乡镇卫生院能够规范开展10项以上中医药适宜技术。
                Arguments.of("CHSC_THC_TECHNIQUE_CAPACITY", "100", null),
                // 第3项 100%社区卫生服务站、80%以上村卫生室能够规范开展4类6项以上中医药适宜技术。
                Arguments.of("CHSS_TECHNIQUE_CAPACITY", "100", null),
                Arguments.of("VILLAGE_CLINIC_TECHNIQUE_CAPACITY", "80", null),
                // 第4项 100%的社区卫生服务站和80%以上的村卫生室至少配备1名能够提供中医药服务的医务人员。
                Arguments.of("CHSS_TCM_STAFF", "100", null),
                Arguments.of("VILLAGE_CLINIC_TCM_STAFF", "80", null),
                // 第5项 社区卫生服务中心和乡镇卫生院全部设置中医馆、配备中医医师。
                Arguments.of("CHSC_THC_TCM_CLINIC_AREA_AND_PHYSICIAN", "100", null),
                // 第6项 所有县级区域依托县级医院设置中医健康宣教基地。
                Arguments.of("COUNTY_TCM_HEALTH_EDUCATION_BASE", "100", null),
                // 第7项 80%以上…“二级甲等中医医院”水平，县级中医医院均达到《…基本标准》。
                Arguments.of("COUNTY_TCM_HOSPITAL_GRADE_2A", "80", null),
                Arguments.of("COUNTY_TCM_HOSPITAL_CAPACITY_STANDARD", "100", null),
                // 第8项 15%…完成服务内涵建设（旗舰中医馆）。
                Arguments.of("TCM_CLINIC_AREA_CONNOTATION", "15", null),
                // 第9项 10%的社区卫生服务站和村卫生室设置“中医阁”。
                Arguments.of("TCM_CORNER", "10", null),
                // 第10项 75%的县办中医医院设置康复科。
                Arguments.of("COUNTY_TCM_HOSPITAL_REHAB_DEPT", "75", null),
                // 第11项 60%的县办中医医院设置老年病科。
                Arguments.of("COUNTY_TCM_HOSPITAL_GERIATRICS_DEPT", "60", null),
                // 第12项 老年人和儿童中医药健康管理率分别达到75%和85%。
                Arguments.of("ELDERLY_TCM_HEALTH_MANAGEMENT_RATE", "75", null),
                Arguments.of("CHILD_TCM_HEALTH_MANAGEMENT_RATE", "85", null),
                // 第13项 基本实现城乡每万常住居民有0.4-0.7名合格的中医类别全科医生。
                Arguments.of("TCM_GP_DENSITY", "0.4", "0.7"),
                // 第14项 …比例达到25%以上。
                Arguments.of("TCM_PHYSICIAN_RATIO", "25", null),
                // 第15项 社区卫生服务站至少配备1名中医类别医师或…临床类别医师。
                Arguments.of("CHSS_TCM_PHYSICIAN", "100", null),
                // 第17项 所有中医馆全部接入中医馆健康信息平台…
                Arguments.of("TCM_CLINIC_AREA_PLATFORM_CONNECTION", "100", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inheritedRows")
    void annexRowsOneToSeventeenResolveFromGuangxi(String code, String threshold, String upper) {
        var resolved = resolver.resolve(YUZHOU, code).orElseThrow();
        assertThat(resolved.profileId()).isEqualTo("guangxi-2022");
        assertThat(resolved.target().threshold()).isEqualByComparingTo(threshold);
        if (upper != null) {
            assertThat(resolved.target().upper()).isEqualByComparingTo(upper);
        }
    }
}
