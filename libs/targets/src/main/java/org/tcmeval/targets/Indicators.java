package org.tcmeval.targets;

import static org.tcmeval.targets.Condition.all;
import static org.tcmeval.targets.Condition.any;
import static org.tcmeval.targets.Condition.atLeast;
import static org.tcmeval.targets.Condition.flag;
import static org.tcmeval.targets.Condition.gradeAtLeast;
import static org.tcmeval.targets.Condition.shareAtLeast;
import static org.tcmeval.targets.IndicatorDefinition.aggregateRatio;
import static org.tcmeval.targets.IndicatorDefinition.complianceRate;
import static org.tcmeval.targets.IndicatorDefinition.countOf;
import static org.tcmeval.targets.IndicatorDefinition.countyComplianceRate;
import static org.tcmeval.targets.IndicatorDefinition.density;
import static org.tcmeval.targets.IndicatorDefinition.directValue;
import static org.tcmeval.targets.IndicatorDefinition.reportedCount;
import static org.tcmeval.targets.InstitutionType.CHSC;
import static org.tcmeval.targets.InstitutionType.CHSS;
import static org.tcmeval.targets.InstitutionType.COUNTY_GENERAL_HOSPITAL;
import static org.tcmeval.targets.InstitutionType.COUNTY_MCH_HOSPITAL;
import static org.tcmeval.targets.InstitutionType.COUNTY_TCM_HOSPITAL;
import static org.tcmeval.targets.InstitutionType.THC;
import static org.tcmeval.targets.InstitutionType.VILLAGE_CLINIC;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The indicator definitions every service shares; evaluation interprets them, catalog serves them.
 *
 * <p>One indicator per measured quantity: where two documents measure the same thing (Guangxi
 * annex row 10 and Inner Mongolia annex row 10 both count county TCM hospitals with a 康复科),
 * they share a code and differ only in their {@link Target}s. Where a row holds two sub-targets
 * (row 3: CHSS 100%, village clinics 80%), each sub-target is its own indicator.
 */
public final class Indicators {

    private static final Set<InstitutionType> CHSC_THC = Set.of(CHSC, THC);
    private static final Set<InstitutionType> STATIONS_AND_VILLAGES = Set.of(CHSS, VILLAGE_CLINIC);
    private static final Set<InstitutionType> GRASSROOTS = Set.of(CHSC, THC, CHSS, VILLAGE_CLINIC);
    private static final Set<InstitutionType> COUNTY_TCM = Set.of(COUNTY_TCM_HOSPITAL);

    /** CHSC/THC technique rule: body text 二（四）10 of the Guangxi plan, IM annex row 1, Beilun 四（五）3. */
    static final Condition SIX_CLASSES_TEN_ITEMS = all(atLeast("techniqueClasses", 6), atLeast("techniqueItems", 10));
    /** Station and village-clinic technique rule: Guangxi annex row 3. */
    static final Condition FOUR_CLASSES_SIX_ITEMS = all(atLeast("techniqueClasses", 4), atLeast("techniqueItems", 6));

    // --- Guangxi annex (附表 考核评价指标), rows 1-18; Yulin's annex repeats them -----------------

    /** Row 1: county-run TCM institution coverage (县办中医医疗机构覆盖率), share of counties with one. */
    public static final IndicatorDefinition COUNTY_TCM_INSTITUTION_COVERAGE = countyComplianceRate(
            "COUNTY_TCM_INSTITUTION_COVERAGE", "县办中医医疗机构覆盖率",
            "Counties with a county-run TCM institution", Category.SERVICE_COVERAGE,
            atLeast("countyRunTcmInstitutions", 1));

    /**
     * Row 2: CHSC/THC performing appropriate techniques (中医药适宜技术) to standard. The annex
     * writes "10项以上" only; the body text it summarises (二（四）10) says "6类10项以上", as do
     * Inner Mongolia and Beilun, so the rule carries both numbers.
     */
    public static final IndicatorDefinition CHSC_THC_TECHNIQUE_CAPACITY = complianceRate(
            "CHSC_THC_TECHNIQUE_CAPACITY", "能够规范开展6类10项以上中医药适宜技术的社区卫生服务中心、乡镇卫生院比例",
            "CHSC/THC performing >= 6 classes and >= 10 items of TCM techniques", Category.SERVICE_COVERAGE,
            CHSC_THC, SIX_CLASSES_TEN_ITEMS);

    /** Row 3, first half: community health service stations (社区卫生服务站) with 4 classes and 6 items. */
    public static final IndicatorDefinition CHSS_TECHNIQUE_CAPACITY = complianceRate(
            "CHSS_TECHNIQUE_CAPACITY", "能够规范开展4类6项以上中医药适宜技术的社区卫生服务站比例",
            "CHSS performing >= 4 classes and >= 6 items of TCM techniques", Category.SERVICE_COVERAGE,
            Set.of(CHSS), FOUR_CLASSES_SIX_ITEMS);

    /** Row 3, second half: village clinics (村卫生室) with 4 classes and 6 items. */
    public static final IndicatorDefinition VILLAGE_CLINIC_TECHNIQUE_CAPACITY = complianceRate(
            "VILLAGE_CLINIC_TECHNIQUE_CAPACITY", "能够规范开展4类6项以上中医药适宜技术的村卫生室比例",
            "Village clinics performing >= 4 classes and >= 6 items of TCM techniques", Category.SERVICE_COVERAGE,
            Set.of(VILLAGE_CLINIC), FOUR_CLASSES_SIX_ITEMS);

    /** Row 4, first half: stations with staff able to provide TCM (能够提供中医药服务的医务人员). */
    public static final IndicatorDefinition CHSS_TCM_STAFF = complianceRate(
            "CHSS_TCM_STAFF", "至少配备1名能够提供中医药服务的医务人员的社区卫生服务站比例",
            "CHSS with >= 1 staff member able to provide TCM", Category.SERVICE_COVERAGE,
            Set.of(CHSS), atLeast("tcmCapableStaff", 1));

    /**
     * Rows 4 (second half) and 16: village clinics with staff able to provide TCM. The annex states
     * the same 80% rule twice; one indicator keeps the two rows from being computed twice.
     */
    public static final IndicatorDefinition VILLAGE_CLINIC_TCM_STAFF = complianceRate(
            "VILLAGE_CLINIC_TCM_STAFF", "至少配备1名能够提供中医药服务的医务人员的村卫生室比例",
            "Village clinics with >= 1 staff member able to provide TCM", Category.WORKFORCE,
            Set.of(VILLAGE_CLINIC), atLeast("tcmCapableStaff", 1));

    /** Row 5: CHSC/THC with both a TCM clinic area (中医馆) and a TCM physician. */
    public static final IndicatorDefinition CHSC_THC_TCM_CLINIC_AREA_AND_PHYSICIAN = complianceRate(
            "CHSC_THC_TCM_CLINIC_AREA_AND_PHYSICIAN", "设置中医馆、配备中医医师的社区卫生服务中心和乡镇卫生院比例",
            "CHSC/THC with a TCM clinic area and a TCM physician", Category.SERVICE_CAPACITY,
            CHSC_THC, all(flag("hasTcmClinicArea"), atLeast("tcmPhysicians", 1)));

    /** Row 6: counties with a TCM health-education base (中医健康宣教基地) at a county hospital. */
    public static final IndicatorDefinition COUNTY_TCM_HEALTH_EDUCATION_BASE = countyComplianceRate(
            "COUNTY_TCM_HEALTH_EDUCATION_BASE", "依托县级医院设置中医健康宣教基地的县级区域比例",
            "Counties with a TCM health-education base at a county hospital", Category.SERVICE_CAPACITY,
            flag("hasTcmHealthEducationBase"));

    /** Row 7, first half: county TCM hospitals at grade 2A (二级甲等) or above. */
    public static final IndicatorDefinition COUNTY_TCM_HOSPITAL_GRADE_2A = complianceRate(
            "COUNTY_TCM_HOSPITAL_GRADE_2A", "达到“二级甲等中医医院”水平的县级中医医院比例",
            "County TCM hospitals at grade 2A or above", Category.SERVICE_CAPACITY,
            COUNTY_TCM, gradeAtLeast(HospitalGrade.GRADE_2A));

    /** Row 7, second half: county TCM hospitals meeting the service-capacity standard (医疗服务能力基本标准). */
    public static final IndicatorDefinition COUNTY_TCM_HOSPITAL_CAPACITY_STANDARD = complianceRate(
            "COUNTY_TCM_HOSPITAL_CAPACITY_STANDARD", "达到《县级中医医院医疗服务能力基本标准》的县级中医医院比例",
            "County TCM hospitals meeting the service-capacity standard", Category.SERVICE_CAPACITY,
            COUNTY_TCM, flag("meetsCapacityStandard"));

    /**
     * Row 8: TCM clinic areas that completed service-connotation building (服务内涵建设). Guangxi
     * calls the result a flagship (旗舰) 中医馆, Inner Mongolia a quality (优质型) one; the measure is
     * the same, only the label and the threshold differ.
     */
    public static final IndicatorDefinition TCM_CLINIC_AREA_CONNOTATION = complianceRate(
            "TCM_CLINIC_AREA_CONNOTATION", "完成服务内涵建设的社区卫生服务中心和乡镇卫生院中医馆比例",
            "TCM clinic areas that completed service-connotation building (flagship / quality)",
            Category.SERVICE_CAPACITY, CHSC_THC, flag("tcmClinicAreaConnotationBuilt"))
            .withUnitFilter(flag("hasTcmClinicArea"));

    /** Row 9: stations and village clinics, together, with a TCM corner (中医阁). */
    public static final IndicatorDefinition TCM_CORNER = complianceRate(
            "TCM_CORNER", "设置“中医阁”的社区卫生服务站和村卫生室比例",
            "CHSS and village clinics with a TCM corner", Category.SERVICE_CAPACITY,
            STATIONS_AND_VILLAGES, flag("hasTcmCorner"));

    /** Row 10: county-run TCM hospitals with a rehabilitation department (康复科). */
    public static final IndicatorDefinition COUNTY_TCM_HOSPITAL_REHAB_DEPT = complianceRate(
            "COUNTY_TCM_HOSPITAL_REHAB_DEPT", "设置康复科的县办中医医院比例",
            "County-run TCM hospitals with a rehabilitation department", Category.SERVICE_CAPACITY,
            COUNTY_TCM, flag("hasRehabDept"));

    /** Row 11: county-run TCM hospitals with a geriatrics department (老年病科). */
    public static final IndicatorDefinition COUNTY_TCM_HOSPITAL_GERIATRICS_DEPT = complianceRate(
            "COUNTY_TCM_HOSPITAL_GERIATRICS_DEPT", "设置老年病科的县办中医医院比例",
            "County-run TCM hospitals with a geriatrics department", Category.SERVICE_CAPACITY,
            COUNTY_TCM, flag("hasGeriatricsDept"));

    /**
     * Row 12, first half: elderly TCM health-management rate (老年人中医药健康管理率). Summed over
     * CHSC/THC catchments, never averaged; the annex judges it per county (各县（市、区）).
     */
    public static final IndicatorDefinition ELDERLY_TCM_HEALTH_MANAGEMENT_RATE = aggregateRatio(
            "ELDERLY_TCM_HEALTH_MANAGEMENT_RATE", "65岁以上老年人中医药健康管理率",
            "TCM health-management rate of residents aged 65+", Category.SERVICE_CAPACITY,
            Reporter.INSTITUTION, CHSC_THC, "elderlyTcmManaged", "elderlyResidents");

    /** Row 12, second half: children's TCM health-management rate (0-36个月儿童中医药健康管理率). */
    public static final IndicatorDefinition CHILD_TCM_HEALTH_MANAGEMENT_RATE = aggregateRatio(
            "CHILD_TCM_HEALTH_MANAGEMENT_RATE", "0-36个月儿童中医药健康管理率",
            "TCM health-management rate of children aged 0-36 months", Category.SERVICE_CAPACITY,
            Reporter.INSTITUTION, CHSC_THC, "childrenTcmManaged", "children0To36Months");

    /** Row 13: qualified TCM-category general practitioners (中医类别全科医生) per 10,000 residents. */
    public static final IndicatorDefinition TCM_GP_DENSITY = density(
            "TCM_GP_DENSITY", "每万常住居民合格的中医类别全科医生数",
            "Qualified TCM-category GPs per 10,000 permanent residents", Category.WORKFORCE,
            Reporter.COUNTY, "tcmGeneralPractitioners", "residentPopulation", Unit.PER_10K_RESIDENTS);

    /**
     * Row 14: TCM-category physicians (中医类别医师) as a share of all physicians in CHSC and THC,
     * aggregated over the institutions of a jurisdiction (同类机构), not averaged.
     */
    public static final IndicatorDefinition TCM_PHYSICIAN_RATIO = aggregateRatio(
            "TCM_PHYSICIAN_RATIO",
            "社区卫生服务中心、乡镇卫生院中医类别医师占同类机构医师总数比例",
            "TCM-category physicians as a share of all physicians in CHSC/THC",
            Category.WORKFORCE,
            Reporter.INSTITUTION,
            CHSC_THC,
            "tcmPhysicians",
            "physicians");

    /** Row 15: stations with a TCM physician or a clinical physician able to provide TCM. */
    public static final IndicatorDefinition CHSS_TCM_PHYSICIAN = complianceRate(
            "CHSS_TCM_PHYSICIAN", "至少配备1名中医类别医师或能够提供中医药服务的临床类别医师的社区卫生服务站比例",
            "CHSS with a TCM physician or a TCM-capable clinical physician", Category.WORKFORCE,
            Set.of(CHSS), any(atLeast("tcmPhysicians", 1), atLeast("tcmCapableClinicalPhysicians", 1)));

    /** Row 17: TCM clinic areas connected to the TCM clinic health information platform (中医馆健康信息平台). */
    public static final IndicatorDefinition TCM_CLINIC_AREA_PLATFORM_CONNECTION = complianceRate(
            "TCM_CLINIC_AREA_PLATFORM_CONNECTION", "接入中医馆健康信息平台的中医馆比例",
            "TCM clinic areas connected to the TCM clinic health information platform", Category.MANAGEMENT,
            CHSC_THC, flag("tcmClinicAreaOnPlatform"))
            .withUnitFilter(flag("hasTcmClinicArea"));

    /**
     * Row 18: residents covered by medical communities (医共体, Beilun: 医联体) led by a TCM hospital,
     * as a share of the county's residents; judged per county.
     */
    public static final IndicatorDefinition TCM_LED_MEDICAL_COMMUNITY_COVERAGE = aggregateRatio(
            "TCM_LED_MEDICAL_COMMUNITY_COVERAGE", "中医医院牵头的医共体覆盖人口占县域常住人口比例",
            "Residents covered by TCM-hospital-led medical communities", Category.MEDICAL_COMMUNITY,
            Reporter.COUNTY, Set.of(), "tcmLedMedicalCommunityPopulation", "residentPopulation");

    // --- Guangxi body text (二、重点任务), inherited by Yulin ----------------------------------------

    /** County general hospitals with a TCM clinical department (中医类临床科室). */
    public static final IndicatorDefinition COUNTY_GENERAL_HOSPITAL_TCM_DEPT = complianceRate(
            "COUNTY_GENERAL_HOSPITAL_TCM_DEPT", "设置中医类临床科室的县级公立综合医院比例",
            "County general hospitals with a TCM clinical department", Category.SERVICE_CAPACITY,
            Set.of(COUNTY_GENERAL_HOSPITAL), flag("hasTcmDept"));

    /** County MCH hospitals providing TCM specialty services (中医药专科服务). */
    public static final IndicatorDefinition COUNTY_MCH_HOSPITAL_TCM_SPECIALTY_SERVICE = complianceRate(
            "COUNTY_MCH_HOSPITAL_TCM_SPECIALTY_SERVICE", "开展中医药专科服务的县级妇幼保健院比例",
            "County MCH hospitals providing TCM specialty services", Category.SERVICE_CAPACITY,
            Set.of(COUNTY_MCH_HOSPITAL), flag("providesTcmSpecialtyService"));

    /** County TCM hospitals with a preventive-treatment department (治未病科). */
    public static final IndicatorDefinition COUNTY_TCM_HOSPITAL_PREVENTIVE_DEPT = complianceRate(
            "COUNTY_TCM_HOSPITAL_PREVENTIVE_DEPT", "设置治未病科的县级中医医院比例",
            "County TCM hospitals with a preventive-treatment department", Category.SERVICE_CAPACITY,
            COUNTY_TCM, flag("hasPreventiveDept"));

    /** Counties with a technique promotion centre (中医药适宜技术推广中心) to standard. */
    public static final IndicatorDefinition COUNTY_TECHNIQUE_PROMOTION_CENTRE = countyComplianceRate(
            "COUNTY_TECHNIQUE_PROMOTION_CENTRE", "设置符合标准的中医药适宜技术推广中心的县域比例",
            "Counties with a TCM appropriate-technique promotion centre to standard", Category.SERVICE_CAPACITY,
            flag("hasTechniquePromotionCentre"));

    // --- Inner Mongolia (annex and body text) -------------------------------------------------------

    /** IM annex row 3: stations able to provide TCM (能够提供中医药服务), not only staffed for it. */
    public static final IndicatorDefinition CHSS_TCM_SERVICE = complianceRate(
            "CHSS_TCM_SERVICE", "能够提供中医药服务的社区卫生服务站比例",
            "CHSS able to provide TCM services", Category.SERVICE_COVERAGE,
            Set.of(CHSS), flag("providesTcmServices"));

    /** IM annex row 3: village (嘎查村) clinics able to provide TCM. */
    public static final IndicatorDefinition VILLAGE_CLINIC_TCM_SERVICE = complianceRate(
            "VILLAGE_CLINIC_TCM_SERVICE", "能够提供中医药服务的村卫生室比例",
            "Village clinics able to provide TCM services", Category.SERVICE_COVERAGE,
            Set.of(VILLAGE_CLINIC), flag("providesTcmServices"));

    /** IM annex row 7: banners/counties (旗县) with at least one grade-2A TCM hospital. */
    public static final IndicatorDefinition COUNTY_WITH_GRADE_2A_TCM_HOSPITAL = countyComplianceRate(
            "COUNTY_WITH_GRADE_2A_TCM_HOSPITAL", "至少有1所中医医院达到“二级甲等中医医院”水平的旗县比例",
            "Counties with at least one TCM hospital at grade 2A or above", Category.SERVICE_CAPACITY,
            atLeast("tcmHospitalsGrade2aOrAbove", 1));

    /** IM body 一（二）: county TCM hospitals reaching grade 3 (三级医院水平). */
    public static final IndicatorDefinition COUNTY_TCM_HOSPITAL_GRADE_3 = complianceRate(
            "COUNTY_TCM_HOSPITAL_GRADE_3", "达到三级医院水平的旗县级中医医院比例",
            "County TCM hospitals at grade 3", Category.SERVICE_CAPACITY,
            COUNTY_TCM, gradeAtLeast(HospitalGrade.GRADE_3));

    /** IM annex row 8: demonstration (示范型) TCM clinic areas, an absolute number for the region. */
    public static final IndicatorDefinition DEMONSTRATION_TCM_CLINIC_AREAS = countOf(
            "DEMONSTRATION_TCM_CLINIC_AREAS", "示范型中医馆数",
            "Demonstration TCM clinic areas", Category.SERVICE_CAPACITY,
            CHSC_THC, flag("demonstrationTcmClinicArea"));

    /** IM body 二（四）11: TCM outpatient visits (中医诊疗人次) as a share of all visits in CHSC/THC. */
    public static final IndicatorDefinition CHSC_THC_TCM_VISIT_SHARE = aggregateRatio(
            "CHSC_THC_TCM_VISIT_SHARE", "社区卫生服务中心、乡镇卫生院中医诊疗人次占机构总诊疗人次的比例",
            "TCM visits as a share of all visits in CHSC/THC", Category.SERVICE_CAPACITY,
            Reporter.INSTITUTION, CHSC_THC, "tcmVisits", "visits");

    /** IM body 二（四）11: TCM prescriptions (中医处方) as a share of all prescriptions in CHSC/THC. */
    public static final IndicatorDefinition CHSC_THC_TCM_PRESCRIPTION_SHARE = aggregateRatio(
            "CHSC_THC_TCM_PRESCRIPTION_SHARE", "社区卫生服务中心、乡镇卫生院中医处方占总处方比例",
            "TCM prescriptions as a share of all prescriptions in CHSC/THC", Category.SERVICE_CAPACITY,
            Reporter.INSTITUTION, CHSC_THC, "tcmPrescriptions", "prescriptions");

    /** IM body 二（四）11: non-drug therapy (中医非药物疗法) visits as a share of all visits in CHSC/THC. */
    public static final IndicatorDefinition CHSC_THC_NON_DRUG_THERAPY_VISIT_SHARE = aggregateRatio(
            "CHSC_THC_NON_DRUG_THERAPY_VISIT_SHARE", "社区卫生服务中心、乡镇卫生院中医非药物疗法治疗人次占总诊疗人次比例",
            "TCM non-drug therapy visits as a share of all visits in CHSC/THC", Category.SERVICE_CAPACITY,
            Reporter.INSTITUTION, CHSC_THC, "nonDrugTherapyVisits", "visits");

    /** IM body 二（一）4, Qinzhou row 13: MCH hospitals (妇幼保健院) with a TCM clinical department. */
    public static final IndicatorDefinition COUNTY_MCH_HOSPITAL_TCM_DEPT = complianceRate(
            "COUNTY_MCH_HOSPITAL_TCM_DEPT", "设置中医类临床科室的二级妇幼保健院比例",
            "MCH hospitals with a TCM clinical department", Category.SERVICE_CAPACITY,
            Set.of(COUNTY_MCH_HOSPITAL), flag("hasTcmDept"));

    /** IM body 二（一）1: county TCM institutions certified elderly-friendly (老年友善医疗机构). */
    public static final IndicatorDefinition COUNTY_TCM_HOSPITAL_ELDERLY_FRIENDLY = complianceRate(
            "COUNTY_TCM_HOSPITAL_ELDERLY_FRIENDLY", "建设成为老年友善医疗机构的旗县级中医医疗机构比例",
            "County TCM institutions certified elderly-friendly", Category.SERVICE_CAPACITY,
            COUNTY_TCM, flag("elderlyFriendly"));

    /** IM body 一（二）: TCM clinic areas with a health-culture knowledge corner (健康文化知识角). */
    public static final IndicatorDefinition TCM_CLINIC_AREA_CULTURE_CORNER = complianceRate(
            "TCM_CLINIC_AREA_CULTURE_CORNER", "建设中医药健康文化知识角的中医馆比例",
            "TCM clinic areas with a TCM health-culture knowledge corner", Category.HEALTH_CULTURE,
            CHSC_THC, flag("hasTcmCultureCorner"))
            .withUnitFilter(flag("hasTcmClinicArea"));

    // --- Beilun demonstration-district standard (四、工作内容 / 五) ------------------------------------

    /** Beilun 四（四）2: TCM physicians in the district TCM hospital (区中医院), aggregated over the hospitals. */
    public static final IndicatorDefinition COUNTY_TCM_HOSPITAL_TCM_PHYSICIAN_RATIO = aggregateRatio(
            "COUNTY_TCM_HOSPITAL_TCM_PHYSICIAN_RATIO", "区中医院中医类别医师占本机构医师总数的比例",
            "TCM-category physicians as a share of physicians in county/district TCM hospitals", Category.WORKFORCE,
            Reporter.INSTITUTION, COUNTY_TCM, "tcmPhysicians", "physicians");

    /**
     * Beilun 四（四）2: every (全部) CHSC on its own at 25% TCM physicians. Unlike
     * {@link #TCM_PHYSICIAN_RATIO}, one strong centre cannot carry a weak one, so this is a
     * compliance rate over a per-institution share rule.
     */
    public static final IndicatorDefinition CHSC_TCM_PHYSICIAN_SHARE_EACH = complianceRate(
            "CHSC_TCM_PHYSICIAN_SHARE_EACH", "中医类别医师占本机构医师总数的比例达到25%以上的社区卫生服务中心比例",
            "CHSC each with >= 25% TCM-category physicians", Category.WORKFORCE,
            Set.of(CHSC), shareAtLeast("tcmPhysicians", "physicians", "25"));

    /** Beilun 四（五）2: TCM visits as a share of all visits, CHSC only (no THC in the district plan). */
    public static final IndicatorDefinition CHSC_TCM_VISIT_SHARE = aggregateRatio(
            "CHSC_TCM_VISIT_SHARE", "社区卫生服务中心中医诊疗人次占总诊疗人次的比例",
            "TCM visits as a share of all visits in CHSC", Category.SERVICE_CAPACITY,
            Reporter.INSTITUTION, Set.of(CHSC), "tcmVisits", "visits");

    /** Beilun 四（五）8: TCM content in grassroots health education (健康教育宣传中医药内容占比). */
    public static final IndicatorDefinition HEALTH_EDUCATION_TCM_CONTENT_SHARE = aggregateRatio(
            "HEALTH_EDUCATION_TCM_CONTENT_SHARE", "基层医疗卫生机构健康教育宣传中医药内容占比",
            "Share of grassroots health-education activities with TCM content", Category.HEALTH_CULTURE,
            Reporter.INSTITUTION, GRASSROOTS, "tcmHealthEducationActivities", "healthEducationActivities");

    /** Beilun 四（五）8: attendances of TCM health education (接受教育人次占比). */
    public static final IndicatorDefinition HEALTH_EDUCATION_TCM_AUDIENCE_SHARE = aggregateRatio(
            "HEALTH_EDUCATION_TCM_AUDIENCE_SHARE", "基层医疗卫生机构接受中医药健康教育人次占比",
            "Share of grassroots health-education attendances that were TCM education", Category.HEALTH_CULTURE,
            Reporter.INSTITUTION, GRASSROOTS, "tcmHealthEducationAudience", "healthEducationAudience");

    /** Beilun 四（三）1: the district TCM hospital at grade 3B (三级乙等) or above. */
    public static final IndicatorDefinition COUNTY_TCM_HOSPITAL_GRADE_3B = complianceRate(
            "COUNTY_TCM_HOSPITAL_GRADE_3B", "达到三级乙等建设标准的区中医院比例",
            "County/district TCM hospitals at grade 3B or above", Category.SERVICE_CAPACITY,
            COUNTY_TCM, gradeAtLeast(HospitalGrade.GRADE_3B));

    /** Beilun 四（三）1: district TCM hospital with an infectious-disease department (感染性疾病科). */
    public static final IndicatorDefinition COUNTY_TCM_HOSPITAL_INFECTIOUS_DISEASE_DEPT = complianceRate(
            "COUNTY_TCM_HOSPITAL_INFECTIOUS_DISEASE_DEPT", "设置感染性疾病科的区中医院比例",
            "County/district TCM hospitals with an infectious-disease department", Category.SERVICE_CAPACITY,
            COUNTY_TCM, flag("hasInfectiousDiseaseDept"));

    /**
     * Beilun 四（三）1, IM body 二（四）10: county/district TCM hospital with a grassroots TCM guidance
     * department (基层中医药指导科室 / 基层指导科).
     */
    public static final IndicatorDefinition COUNTY_TCM_HOSPITAL_GRASSROOTS_GUIDANCE_DEPT = complianceRate(
            "COUNTY_TCM_HOSPITAL_GRASSROOTS_GUIDANCE_DEPT", "成立基层中医药指导科室的区中医院比例",
            "County/district TCM hospitals with a grassroots TCM guidance department", Category.MANAGEMENT,
            COUNTY_TCM, flag("hasGrassrootsGuidanceDept"));

    /** Beilun 四（三）2: CHSC with a TCM department (中医科). */
    public static final IndicatorDefinition CHSC_TCM_DEPT = complianceRate(
            "CHSC_TCM_DEPT", "规范设置中医科的社区卫生服务中心比例",
            "CHSC with a TCM department", Category.SERVICE_CAPACITY,
            Set.of(CHSC), flag("hasTcmDept"));

    /** Beilun 四（三）2: CHSC with a rehabilitation department (康复科室). */
    public static final IndicatorDefinition CHSC_REHAB_DEPT = complianceRate(
            "CHSC_REHAB_DEPT", "设立康复科室的社区卫生服务中心比例",
            "CHSC with a rehabilitation department", Category.SERVICE_CAPACITY,
            Set.of(CHSC), flag("hasRehabDept"));

    /** Beilun 四（三）2: stations with premises and equipment for TCM (中医药服务的场所和设施设备). */
    public static final IndicatorDefinition CHSS_TCM_PREMISES = complianceRate(
            "CHSS_TCM_PREMISES", "具备提供中医药服务的场所和设施设备的社区卫生服务站比例",
            "CHSS with premises and equipment for TCM services", Category.SERVICE_CAPACITY,
            Set.of(CHSS), flag("hasTcmPremisesAndEquipment"));

    // --- Qinzhou 专栏1 主要发展指标 (rows not covered above) -------------------------------------------
    // City-run hospitals and the whole health system are no institution type, so the rows about
    // them are figures the city reports itself (Reporter.JURISDICTION).

    /** Qinzhou row 1: TCM-type medical institutions (中医类医疗机构). */
    public static final IndicatorDefinition TCM_INSTITUTIONS = reportedCount(
            "TCM_INSTITUTIONS", "中医类医疗机构数", "TCM-type medical institutions", Category.SERVICE_RESOURCES,
            "tcmInstitutions");

    /** Qinzhou row 2: public TCM hospitals (公立中医医院), city- and county-run. */
    public static final IndicatorDefinition PUBLIC_TCM_HOSPITALS = reportedCount(
            "PUBLIC_TCM_HOSPITALS", "公立中医医院数", "Public TCM hospitals", Category.SERVICE_RESOURCES,
            "publicTcmHospitals");

    /** Qinzhou row 3: county TCM-type hospitals at grade 2A level (二级甲等), as a number. */
    public static final IndicatorDefinition COUNTY_TCM_HOSPITALS_AT_GRADE_2A = countOf(
            "COUNTY_TCM_HOSPITALS_AT_GRADE_2A", "达到二级甲等中医医院水平的县级中医类医院数",
            "County TCM-type hospitals at grade 2A or above", Category.SERVICE_RESOURCES,
            COUNTY_TCM, gradeAtLeast(HospitalGrade.GRADE_2A));

    /** Qinzhou row 4: public TCM-type hospital beds (公立中医类医院床位) per 1,000 residents. */
    public static final IndicatorDefinition PUBLIC_TCM_HOSPITAL_BEDS_PER_1K = density(
            "PUBLIC_TCM_HOSPITAL_BEDS_PER_1K", "每千常住人口公立中医类医院床位数",
            "Public TCM-type hospital beds per 1,000 permanent residents", Category.SERVICE_RESOURCES,
            Reporter.JURISDICTION, "publicTcmHospitalBeds", "residentPopulation", Unit.PER_1K_RESIDENTS);

    /** Qinzhou row 5: TCM-category licensed (assistant) physicians (中医类别执业（助理）医师) per 1,000 residents. */
    public static final IndicatorDefinition TCM_PHYSICIANS_PER_1K = density(
            "TCM_PHYSICIANS_PER_1K", "每千常住人口中医类别执业（助理）医师数",
            "TCM-category licensed (assistant) physicians per 1,000 permanent residents", Category.SERVICE_RESOURCES,
            Reporter.JURISDICTION, "tcmLicensedPhysicians", "residentPopulation", Unit.PER_1K_RESIDENTS);

    /** Qinzhou row 7: TCM physicians in grade-2+ public TCM hospitals (二级及以上公立中医医院). */
    public static final IndicatorDefinition GRADE2_PUBLIC_TCM_HOSPITAL_TCM_PHYSICIAN_SHARE = directValue(
            "GRADE2_PUBLIC_TCM_HOSPITAL_TCM_PHYSICIAN_SHARE", "二级及以上公立中医医院中医类别执业（助理）医师比例",
            "TCM-category physicians in grade-2+ public TCM hospitals", Category.SERVICE_RESOURCES,
            Unit.PERCENT, "grade2PublicTcmHospitalTcmPhysicianShare");

    /** Qinzhou row 8: county-run TCM hospital coverage (县办中医医院覆盖率); hospitals, not any institution. */
    public static final IndicatorDefinition COUNTY_TCM_HOSPITAL_COVERAGE = countyComplianceRate(
            "COUNTY_TCM_HOSPITAL_COVERAGE", "县办中医医院覆盖率",
            "Counties with a county-run TCM hospital", Category.SERVICE_RESOURCES,
            atLeast("countyRunTcmHospitals", 1));

    /** Qinzhou row 9: grade-2+ TCM-type hospitals with a rehabilitation department (康复医学科). */
    public static final IndicatorDefinition GRADE2_TCM_HOSPITAL_REHAB_DEPT_SHARE = directValue(
            "GRADE2_TCM_HOSPITAL_REHAB_DEPT_SHARE", "设置康复医学科的二级及以上中医类医院比例",
            "Grade-2+ TCM-type hospitals with a rehabilitation department", Category.SERVICE_RESOURCES,
            Unit.PERCENT, "grade2TcmHospitalRehabDeptShare");

    /** Qinzhou row 10: grade-3 public comprehensive TCM-type hospitals with a fever clinic (发热门诊). */
    public static final IndicatorDefinition GRADE3_PUBLIC_TCM_HOSPITAL_FEVER_CLINIC_SHARE = directValue(
            "GRADE3_PUBLIC_TCM_HOSPITAL_FEVER_CLINIC_SHARE", "设置发热门诊的三级公立综合性中医类医院比例",
            "Grade-3 public comprehensive TCM-type hospitals with a fever clinic", Category.SERVICE_RESOURCES,
            Unit.PERCENT, "grade3PublicTcmHospitalFeverClinicShare");

    /** Qinzhou row 11: grade-2+ public comprehensive TCM-type hospitals with a geriatrics department. */
    public static final IndicatorDefinition GRADE2_PUBLIC_TCM_HOSPITAL_GERIATRICS_DEPT_SHARE = directValue(
            "GRADE2_PUBLIC_TCM_HOSPITAL_GERIATRICS_DEPT_SHARE", "设置老年病科的二级及以上公立综合性中医类医院比例",
            "Grade-2+ public comprehensive TCM-type hospitals with a geriatrics department", Category.SERVICE_RESOURCES,
            Unit.PERCENT, "grade2PublicTcmHospitalGeriatricsDeptShare");

    /** Qinzhou row 12: grade-2+ public general hospitals (公立综合医院), city ones included, with a TCM department. */
    public static final IndicatorDefinition GRADE2_PUBLIC_GENERAL_HOSPITAL_TCM_DEPT_SHARE = directValue(
            "GRADE2_PUBLIC_GENERAL_HOSPITAL_TCM_DEPT_SHARE", "设置中医类临床科室的二级及以上公立综合医院比例",
            "Grade-2+ public general hospitals with a TCM clinical department", Category.SERVICE_RESOURCES,
            Unit.PERCENT, "grade2PublicGeneralHospitalTcmDeptShare");

    /** Qinzhou row 14: TCM beds in public general hospitals (公立综合医院中医床位). */
    public static final IndicatorDefinition PUBLIC_GENERAL_HOSPITAL_TCM_BEDS = reportedCount(
            "PUBLIC_GENERAL_HOSPITAL_TCM_BEDS", "公立综合医院中医床位数", "TCM beds in public general hospitals",
            Category.SERVICE_RESOURCES, "publicGeneralHospitalTcmBeds");

    /** Qinzhou row 15 (binding): CHSC/THC with a TCM clinic area (中医馆), physician or not. */
    public static final IndicatorDefinition CHSC_THC_TCM_CLINIC_AREA = complianceRate(
            "CHSC_THC_TCM_CLINIC_AREA", "设置中医馆的乡镇卫生院和社区卫生服务中心比例",
            "CHSC/THC with a TCM clinic area", Category.SERVICE_RESOURCES,
            CHSC_THC, flag("hasTcmClinicArea"));

    /** Qinzhou row 16, first value: CHSC/THC providing non-drug therapy (中医非药物疗法). */
    public static final IndicatorDefinition CHSC_THC_NON_DRUG_THERAPY = complianceRate(
            "CHSC_THC_NON_DRUG_THERAPY", "乡镇卫生院、社区卫生服务中心提供中医非药物疗法的比例",
            "CHSC/THC providing TCM non-drug therapy", Category.SERVICE_RESOURCES,
            CHSC_THC, flag("providesNonDrugTherapy"));

    /** Qinzhou row 16, second value: village clinics providing non-drug therapy. */
    public static final IndicatorDefinition VILLAGE_CLINIC_NON_DRUG_THERAPY = complianceRate(
            "VILLAGE_CLINIC_NON_DRUG_THERAPY", "村卫生室提供中医非药物疗法的比例",
            "Village clinics providing TCM non-drug therapy", Category.SERVICE_RESOURCES,
            Set.of(VILLAGE_CLINIC), flag("providesNonDrugTherapy"));

    /** Qinzhou row 17: TCM visits in all medical institutions (医疗卫生机构), hospitals included. */
    public static final IndicatorDefinition TCM_VISIT_SHARE = directValue(
            "TCM_VISIT_SHARE", "中医总诊疗人次占医疗卫生机构总诊疗人次比例",
            "TCM visits as a share of all visits in all medical institutions", Category.SERVICE_RESOURCES,
            Unit.PERCENT, "tcmVisitShare");

    /** Qinzhou row 18: discharges from TCM-type hospitals (中医类医院出院人数) among all hospital discharges. */
    public static final IndicatorDefinition TCM_HOSPITAL_DISCHARGE_SHARE = directValue(
            "TCM_HOSPITAL_DISCHARGE_SHARE", "中医类医院出院人数占医院出院人数比例",
            "TCM-type hospital discharges as a share of all hospital discharges", Category.SERVICE_RESOURCES,
            Unit.PERCENT, "tcmHospitalDischargeShare");

    /** Qinzhou row 21: size of the TCM health-service industry (中医药健康服务总规模). */
    public static final IndicatorDefinition TCM_HEALTH_SERVICE_SCALE = directValue(
            "TCM_HEALTH_SERVICE_SCALE", "中医药健康服务总规模",
            "TCM health-service industry size", Category.INDUSTRY,
            Unit.HUNDRED_MILLION_YUAN, "tcmHealthServiceScale");

    /** Qinzhou row 22: output of TCM material planting and breeding (中药材种植、养殖业产值). */
    public static final IndicatorDefinition TCM_MATERIAL_FARMING_OUTPUT = directValue(
            "TCM_MATERIAL_FARMING_OUTPUT", "中药材种植、养殖业产值",
            "Output of TCM material planting and breeding", Category.INDUSTRY,
            Unit.HUNDRED_MILLION_YUAN, "tcmMaterialFarmingOutput");

    /** Qinzhou row 23: output of TCM manufacturers above designated size (规模以上中药工业企业). */
    public static final IndicatorDefinition TCM_MANUFACTURING_OUTPUT = directValue(
            "TCM_MANUFACTURING_OUTPUT", "规模以上中药工业企业总产值",
            "Output of TCM manufacturers above designated size", Category.INDUSTRY,
            Unit.HUNDRED_MILLION_YUAN, "tcmManufacturingOutput");

    /** Qinzhou row 24: citizens' TCM health-culture literacy (中医药健康文化素养水平), a survey result. */
    public static final IndicatorDefinition TCM_HEALTH_CULTURE_LITERACY = directValue(
            "TCM_HEALTH_CULTURE_LITERACY", "全市公民中医药健康文化素养水平",
            "Citizens' TCM health-culture literacy", Category.HEALTH_CULTURE,
            Unit.PERCENT, "tcmHealthCultureLiteracy");

    public static final List<IndicatorDefinition> ALL = List.of(
            COUNTY_TCM_INSTITUTION_COVERAGE, CHSC_THC_TECHNIQUE_CAPACITY, CHSS_TECHNIQUE_CAPACITY,
            VILLAGE_CLINIC_TECHNIQUE_CAPACITY, CHSS_TCM_STAFF, VILLAGE_CLINIC_TCM_STAFF,
            CHSC_THC_TCM_CLINIC_AREA_AND_PHYSICIAN, COUNTY_TCM_HEALTH_EDUCATION_BASE, COUNTY_TCM_HOSPITAL_GRADE_2A,
            COUNTY_TCM_HOSPITAL_CAPACITY_STANDARD, TCM_CLINIC_AREA_CONNOTATION, TCM_CORNER,
            COUNTY_TCM_HOSPITAL_REHAB_DEPT, COUNTY_TCM_HOSPITAL_GERIATRICS_DEPT, ELDERLY_TCM_HEALTH_MANAGEMENT_RATE,
            CHILD_TCM_HEALTH_MANAGEMENT_RATE, TCM_GP_DENSITY, TCM_PHYSICIAN_RATIO, CHSS_TCM_PHYSICIAN,
            TCM_CLINIC_AREA_PLATFORM_CONNECTION, TCM_LED_MEDICAL_COMMUNITY_COVERAGE,
            COUNTY_GENERAL_HOSPITAL_TCM_DEPT, COUNTY_MCH_HOSPITAL_TCM_SPECIALTY_SERVICE,
            COUNTY_TCM_HOSPITAL_PREVENTIVE_DEPT, COUNTY_TECHNIQUE_PROMOTION_CENTRE,
            CHSS_TCM_SERVICE, VILLAGE_CLINIC_TCM_SERVICE, COUNTY_WITH_GRADE_2A_TCM_HOSPITAL,
            COUNTY_TCM_HOSPITAL_GRADE_3, DEMONSTRATION_TCM_CLINIC_AREAS, CHSC_THC_TCM_VISIT_SHARE,
            CHSC_THC_TCM_PRESCRIPTION_SHARE, CHSC_THC_NON_DRUG_THERAPY_VISIT_SHARE, COUNTY_MCH_HOSPITAL_TCM_DEPT,
            COUNTY_TCM_HOSPITAL_ELDERLY_FRIENDLY, TCM_CLINIC_AREA_CULTURE_CORNER,
            COUNTY_TCM_HOSPITAL_TCM_PHYSICIAN_RATIO, CHSC_TCM_PHYSICIAN_SHARE_EACH, CHSC_TCM_VISIT_SHARE,
            HEALTH_EDUCATION_TCM_CONTENT_SHARE, HEALTH_EDUCATION_TCM_AUDIENCE_SHARE, COUNTY_TCM_HOSPITAL_GRADE_3B,
            COUNTY_TCM_HOSPITAL_INFECTIOUS_DISEASE_DEPT, COUNTY_TCM_HOSPITAL_GRASSROOTS_GUIDANCE_DEPT, CHSC_TCM_DEPT,
            CHSC_REHAB_DEPT, CHSS_TCM_PREMISES,
            TCM_INSTITUTIONS, PUBLIC_TCM_HOSPITALS, COUNTY_TCM_HOSPITALS_AT_GRADE_2A, PUBLIC_TCM_HOSPITAL_BEDS_PER_1K,
            TCM_PHYSICIANS_PER_1K, GRADE2_PUBLIC_TCM_HOSPITAL_TCM_PHYSICIAN_SHARE, COUNTY_TCM_HOSPITAL_COVERAGE,
            GRADE2_TCM_HOSPITAL_REHAB_DEPT_SHARE, GRADE3_PUBLIC_TCM_HOSPITAL_FEVER_CLINIC_SHARE,
            GRADE2_PUBLIC_TCM_HOSPITAL_GERIATRICS_DEPT_SHARE, GRADE2_PUBLIC_GENERAL_HOSPITAL_TCM_DEPT_SHARE,
            PUBLIC_GENERAL_HOSPITAL_TCM_BEDS, CHSC_THC_TCM_CLINIC_AREA, CHSC_THC_NON_DRUG_THERAPY,
            VILLAGE_CLINIC_NON_DRUG_THERAPY, TCM_VISIT_SHARE, TCM_HOSPITAL_DISCHARGE_SHARE, TCM_HEALTH_SERVICE_SCALE,
            TCM_MATERIAL_FARMING_OUTPUT, TCM_MANUFACTURING_OUTPUT, TCM_HEALTH_CULTURE_LITERACY);

    // toUnmodifiableMap rejects a duplicate code, so two indicators can never share one.
    private static final Map<String, IndicatorDefinition> BY_CODE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(IndicatorDefinition::code, Function.identity()));

    private Indicators() {
    }

    public static Optional<IndicatorDefinition> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
