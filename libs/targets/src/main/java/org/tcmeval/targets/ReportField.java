package org.tcmeval.targets;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A figure a unit reports (填报指标项). Indicators name these fields as numerators, denominators
 * and in their per-unit rules, so the list lives beside the indicators: one source for what may be
 * reported and what is computed from it.
 *
 * <p>{@link #ALL} and {@link #byName(String)} are the fields an <em>institution</em> may report;
 * the reporting service validates institution reports against them. County and jurisdiction
 * figures have their own lists, because a county's resident population has no place in a
 * village clinic's report.
 *
 * @param name JSON field name inside a report's {@code figures}
 * @param nameZh the term the reporting forms use
 * @param kind how the value is validated
 * @param atMost name of a field of the same reporter this one may not exceed (a part of a whole), or {@code null}
 * @param reporter who reports it
 * @param max the largest value that can be true of one reporter; a larger figure is a typing
 *            mistake or an attack, and is refused before anything stores, sums or renders it
 */
public record ReportField(String name, String nameZh, String nameEn, Kind kind, String atMost, Reporter reporter,
        BigDecimal max) {

    /**
     * COUNT: whole number &gt;= 0; FLAG: 0 or 1; PERCENT: 0 to 100; DECIMAL: number &gt;= 0. Each kind
     * has a default upper bound; fields that count residents, visits or a whole province's beds name
     * a larger one.
     */
    public enum Kind {
        /** Staff, departments, activities, institutions of one reporter: far below 100,000. */
        COUNT("100000"),
        FLAG("1"),
        PERCENT("100"),
        /** Amounts in 100 million yuan (亿元): 1,000,000 is a hundred trillion yuan. */
        DECIMAL("1000000");

        private final BigDecimal defaultMax;

        Kind(String defaultMax) {
            this.defaultMax = new BigDecimal(defaultMax);
        }

        public BigDecimal defaultMax() {
            return defaultMax;
        }
    }

    /** China's population is about 1.4 billion; no catchment, county or province has more residents. */
    static final BigDecimal MAX_RESIDENTS = new BigDecimal("2000000000");
    /** Visits, prescriptions and attendances in a year of one reporter (a province has some hundreds of millions). */
    static final BigDecimal MAX_VISITS = new BigDecimal("1000000000");
    /** Beds, physicians and institutions of a whole province (the nation has about 1.5 million TCM beds). */
    static final BigDecimal MAX_PROVINCE_COUNT = new BigDecimal("10000000");

    public ReportField {
        if (!FieldNames.isValid(name)) {
            throw new IllegalArgumentException("name: '" + name + "' is not a lowerCamelCase field name");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reporter, "reporter");
        if (reporter == Reporter.INSTITUTION && (kind == Kind.PERCENT || kind == Kind.DECIMAL)) {
            // Institution reports are validated as whole numbers; rates are computed, never reported.
            throw new IllegalArgumentException("kind: institution field " + name + " must be COUNT or FLAG");
        }
        if (max == null || max.signum() <= 0 || (kind != Kind.COUNT && kind != Kind.DECIMAL && max.compareTo(kind.defaultMax()) != 0)
                || (kind == Kind.COUNT && max.stripTrailingZeros().scale() > 0)) {
            throw new IllegalArgumentException("max: " + max + " does not fit field " + name + " of kind " + kind);
        }
    }

    /** Whether a reported value is above this field's bound ({@link #max}). */
    public boolean exceedsMax(BigDecimal value) {
        return value.compareTo(max) > 0;
    }

    // --- institution figures -------------------------------------------------------------------

    public static final ReportField PHYSICIANS = institution("physicians", "医师总数",
            "Physicians (all categories)", Kind.COUNT, null);
    public static final ReportField TCM_PHYSICIANS = institution("tcmPhysicians", "中医类别医师数",
            "TCM-category physicians", Kind.COUNT, "physicians");
    public static final ReportField TCM_CAPABLE_CLINICAL_PHYSICIANS = institution("tcmCapableClinicalPhysicians",
            "能够提供中医药服务的临床类别医师数", "Clinical-category physicians able to provide TCM", Kind.COUNT, "physicians");
    public static final ReportField TCM_CAPABLE_STAFF = institution("tcmCapableStaff",
            "能够提供中医药服务的医务人员数", "Medical staff able to provide TCM services", Kind.COUNT, null);
    public static final ReportField TECHNIQUE_CLASSES = institution("techniqueClasses",
            "能够规范开展的中医药适宜技术类数", "Classes of TCM appropriate techniques performed to standard", Kind.COUNT, null);
    public static final ReportField TECHNIQUE_ITEMS = institution("techniqueItems",
            "能够规范开展的中医药适宜技术项数", "Items of TCM appropriate techniques performed to standard", Kind.COUNT, null);
    public static final ReportField PROVIDES_TCM_SERVICES = institution("providesTcmServices",
            "能够提供中医药服务", "Provides TCM services", Kind.FLAG, null);
    public static final ReportField PROVIDES_NON_DRUG_THERAPY = institution("providesNonDrugTherapy",
            "提供中医非药物疗法", "Provides TCM non-drug therapy", Kind.FLAG, null);
    public static final ReportField HAS_TCM_PREMISES_AND_EQUIPMENT = institution("hasTcmPremisesAndEquipment",
            "具备提供中医药服务的场所和设施设备", "Has premises and equipment for TCM services", Kind.FLAG, null);
    public static final ReportField HAS_TCM_CLINIC_AREA = institution("hasTcmClinicArea",
            "设置中医馆", "Has a TCM clinic area (中医馆)", Kind.FLAG, null);
    public static final ReportField TCM_CLINIC_AREA_CONNOTATION_BUILT = institution("tcmClinicAreaConnotationBuilt",
            "中医馆完成服务内涵建设", "TCM clinic area completed service-connotation building", Kind.FLAG, "hasTcmClinicArea");
    public static final ReportField DEMONSTRATION_TCM_CLINIC_AREA = institution("demonstrationTcmClinicArea",
            "示范型中医馆", "TCM clinic area rated demonstration (示范型)", Kind.FLAG, "hasTcmClinicArea");
    public static final ReportField TCM_CLINIC_AREA_ON_PLATFORM = institution("tcmClinicAreaOnPlatform",
            "中医馆接入中医馆健康信息平台", "TCM clinic area connected to the health information platform", Kind.FLAG,
            "hasTcmClinicArea");
    public static final ReportField HAS_TCM_CULTURE_CORNER = institution("hasTcmCultureCorner",
            "建设中医药健康文化知识角", "Has a TCM health-culture knowledge corner", Kind.FLAG, null);
    public static final ReportField HAS_TCM_CORNER = institution("hasTcmCorner",
            "设置中医阁", "Has a TCM corner (中医阁)", Kind.FLAG, null);
    public static final ReportField HAS_TCM_DEPT = institution("hasTcmDept",
            "设置中医类临床科室（中医科）", "Has a TCM clinical department", Kind.FLAG, null);
    public static final ReportField HAS_REHAB_DEPT = institution("hasRehabDept",
            "设置康复科", "Has a rehabilitation department", Kind.FLAG, null);
    public static final ReportField HAS_PREVENTIVE_DEPT = institution("hasPreventiveDept",
            "设置治未病科", "Has a preventive-treatment department", Kind.FLAG, null);
    public static final ReportField HAS_GERIATRICS_DEPT = institution("hasGeriatricsDept",
            "设置老年病科", "Has a geriatrics department", Kind.FLAG, null);
    public static final ReportField HAS_INFECTIOUS_DISEASE_DEPT = institution("hasInfectiousDiseaseDept",
            "设置感染性疾病科", "Has an infectious-disease department", Kind.FLAG, null);
    public static final ReportField HAS_GRASSROOTS_GUIDANCE_DEPT = institution("hasGrassrootsGuidanceDept",
            "设置基层中医药指导科室", "Has a grassroots TCM guidance department", Kind.FLAG, null);
    public static final ReportField MEETS_CAPACITY_STANDARD = institution("meetsCapacityStandard",
            "达到《县级中医医院医疗服务能力基本标准》", "Meets the county TCM hospital service-capacity standard",
            Kind.FLAG, null);
    public static final ReportField ELDERLY_FRIENDLY = institution("elderlyFriendly",
            "建成老年友善医疗机构", "Certified elderly-friendly institution", Kind.FLAG, null);
    public static final ReportField PROVIDES_TCM_SPECIALTY_SERVICE = institution("providesTcmSpecialtyService",
            "开展中医药专科服务", "Provides TCM specialty services", Kind.FLAG, null);
    public static final ReportField VISITS = institution("visits",
            "总诊疗人次", "Outpatient visits", Kind.COUNT, null, MAX_VISITS);
    public static final ReportField TCM_VISITS = institution("tcmVisits",
            "中医诊疗人次", "TCM outpatient visits", Kind.COUNT, "visits", MAX_VISITS);
    public static final ReportField NON_DRUG_THERAPY_VISITS = institution("nonDrugTherapyVisits",
            "中医非药物疗法治疗人次", "TCM non-drug therapy visits", Kind.COUNT, "visits", MAX_VISITS);
    public static final ReportField PRESCRIPTIONS = institution("prescriptions",
            "总处方数", "Prescriptions", Kind.COUNT, null, MAX_VISITS);
    public static final ReportField TCM_PRESCRIPTIONS = institution("tcmPrescriptions",
            "中医处方数", "TCM prescriptions", Kind.COUNT, "prescriptions", MAX_VISITS);
    public static final ReportField ELDERLY_RESIDENTS = institution("elderlyResidents",
            "辖区65岁及以上常住居民数", "Permanent residents aged 65+ in the catchment", Kind.COUNT, null, MAX_RESIDENTS);
    public static final ReportField ELDERLY_TCM_MANAGED = institution("elderlyTcmManaged",
            "接受中医药健康管理的65岁及以上老年人数", "Residents 65+ who received TCM health management", Kind.COUNT,
            "elderlyResidents", MAX_RESIDENTS);
    public static final ReportField CHILDREN_0_TO_36_MONTHS = institution("children0To36Months",
            "辖区0-36个月儿童数", "Children aged 0-36 months in the catchment", Kind.COUNT, null, MAX_RESIDENTS);
    public static final ReportField CHILDREN_TCM_MANAGED = institution("childrenTcmManaged",
            "按月龄接受中医药健康管理的0-36个月儿童数", "Children 0-36 months who received TCM guidance at the scheduled ages",
            Kind.COUNT, "children0To36Months", MAX_RESIDENTS);
    public static final ReportField HEALTH_EDUCATION_ACTIVITIES = institution("healthEducationActivities",
            "健康教育宣传活动次数", "Health-education activities", Kind.COUNT, null);
    public static final ReportField TCM_HEALTH_EDUCATION_ACTIVITIES = institution("tcmHealthEducationActivities",
            "中医药内容的健康教育宣传活动次数", "Health-education activities with TCM content", Kind.COUNT,
            "healthEducationActivities");
    public static final ReportField HEALTH_EDUCATION_AUDIENCE = institution("healthEducationAudience",
            "接受健康教育人次", "Health-education attendances", Kind.COUNT, null, MAX_VISITS);
    public static final ReportField TCM_HEALTH_EDUCATION_AUDIENCE = institution("tcmHealthEducationAudience",
            "接受中医药健康教育人次", "TCM health-education attendances", Kind.COUNT, "healthEducationAudience", MAX_VISITS);

    // --- county figures --------------------------------------------------------------------------

    public static final ReportField COUNTY_RESIDENT_POPULATION = county("residentPopulation",
            "县域常住人口数", "Permanent residents of the county", Kind.COUNT, null, MAX_RESIDENTS);
    public static final ReportField COUNTY_RUN_TCM_INSTITUTIONS = county("countyRunTcmInstitutions",
            "县办中医医疗机构数", "County-run TCM institutions", Kind.COUNT, null);
    public static final ReportField COUNTY_RUN_TCM_HOSPITALS = county("countyRunTcmHospitals",
            "县办中医医院数", "County-run TCM hospitals", Kind.COUNT, "countyRunTcmInstitutions");
    public static final ReportField TCM_HOSPITALS_GRADE_2A_OR_ABOVE = county("tcmHospitalsGrade2aOrAbove",
            "达到二级甲等及以上水平的县级中医医院数", "County TCM hospitals at grade 2A or above", Kind.COUNT, null);
    public static final ReportField HAS_TCM_HEALTH_EDUCATION_BASE = county("hasTcmHealthEducationBase",
            "依托县级医院设置中医健康宣教基地", "Has a TCM health-education base at a county hospital", Kind.FLAG, null);
    public static final ReportField HAS_TECHNIQUE_PROMOTION_CENTRE = county("hasTechniquePromotionCentre",
            "设置符合标准的中医药适宜技术推广中心", "Has a TCM appropriate-technique promotion centre to standard",
            Kind.FLAG, null);
    public static final ReportField TCM_GENERAL_PRACTITIONERS = county("tcmGeneralPractitioners",
            "合格的中医类别全科医生数", "Qualified TCM-category general practitioners", Kind.COUNT, null);
    public static final ReportField TCM_LED_MEDICAL_COMMUNITIES = county("tcmLedMedicalCommunities",
            "中医医院牵头组建的医共体（医联体）数", "Medical communities led by a TCM hospital", Kind.COUNT, null);
    public static final ReportField TCM_LED_MEDICAL_COMMUNITY_POPULATION = county("tcmLedMedicalCommunityPopulation",
            "中医医院牵头的医共体（医联体）覆盖人口数", "Residents covered by TCM-hospital-led medical communities",
            Kind.COUNT, "residentPopulation", MAX_RESIDENTS);

    // --- jurisdiction figures (cities report these themselves) -----------------------------------

    public static final ReportField RESIDENT_POPULATION = jurisdiction("residentPopulation",
            "常住人口数", "Permanent residents", Kind.COUNT, MAX_RESIDENTS);
    public static final ReportField TCM_INSTITUTIONS = jurisdiction("tcmInstitutions",
            "中医类医疗机构数", "TCM-type medical institutions", Kind.COUNT, MAX_PROVINCE_COUNT);
    public static final ReportField PUBLIC_TCM_HOSPITALS = jurisdiction("publicTcmHospitals",
            "公立中医医院数", "Public TCM hospitals", Kind.COUNT, MAX_PROVINCE_COUNT);
    public static final ReportField PUBLIC_TCM_HOSPITAL_BEDS = jurisdiction("publicTcmHospitalBeds",
            "公立中医类医院床位数", "Beds in public TCM-type hospitals", Kind.COUNT, MAX_PROVINCE_COUNT);
    public static final ReportField TCM_LICENSED_PHYSICIANS = jurisdiction("tcmLicensedPhysicians",
            "中医类别执业（助理）医师数", "TCM-category licensed (assistant) physicians", Kind.COUNT, MAX_PROVINCE_COUNT);
    public static final ReportField PUBLIC_GENERAL_HOSPITAL_TCM_BEDS = jurisdiction("publicGeneralHospitalTcmBeds",
            "公立综合医院中医床位数", "TCM beds in public general hospitals", Kind.COUNT, MAX_PROVINCE_COUNT);
    public static final ReportField GRADE2_PUBLIC_TCM_HOSPITAL_TCM_PHYSICIAN_SHARE = jurisdiction(
            "grade2PublicTcmHospitalTcmPhysicianShare", "二级及以上公立中医医院中医类别执业（助理）医师比例",
            "TCM-category physicians in grade-2+ public TCM hospitals", Kind.PERCENT);
    public static final ReportField GRADE2_TCM_HOSPITAL_REHAB_DEPT_SHARE = jurisdiction(
            "grade2TcmHospitalRehabDeptShare", "设置康复医学科的二级及以上中医类医院比例",
            "Grade-2+ TCM-type hospitals with a rehabilitation department", Kind.PERCENT);
    public static final ReportField GRADE3_PUBLIC_TCM_HOSPITAL_FEVER_CLINIC_SHARE = jurisdiction(
            "grade3PublicTcmHospitalFeverClinicShare", "设置发热门诊的三级公立综合性中医类医院比例",
            "Grade-3 public comprehensive TCM-type hospitals with a fever clinic", Kind.PERCENT);
    public static final ReportField GRADE2_PUBLIC_TCM_HOSPITAL_GERIATRICS_DEPT_SHARE = jurisdiction(
            "grade2PublicTcmHospitalGeriatricsDeptShare", "设置老年病科的二级及以上公立综合性中医类医院比例",
            "Grade-2+ public comprehensive TCM-type hospitals with a geriatrics department", Kind.PERCENT);
    public static final ReportField GRADE2_PUBLIC_GENERAL_HOSPITAL_TCM_DEPT_SHARE = jurisdiction(
            "grade2PublicGeneralHospitalTcmDeptShare", "设置中医类临床科室的二级及以上公立综合医院比例",
            "Grade-2+ public general hospitals with a TCM clinical department", Kind.PERCENT);
    public static final ReportField TCM_VISIT_SHARE = jurisdiction("tcmVisitShare",
            "中医总诊疗人次占医疗卫生机构总诊疗人次比例", "TCM visits as a share of all visits", Kind.PERCENT);
    public static final ReportField TCM_HOSPITAL_DISCHARGE_SHARE = jurisdiction("tcmHospitalDischargeShare",
            "中医类医院出院人数占医院出院人数比例", "TCM-type hospital discharges as a share of all discharges",
            Kind.PERCENT);
    public static final ReportField TCM_HEALTH_SERVICE_SCALE = jurisdiction("tcmHealthServiceScale",
            "中医药健康服务总规模（亿元）", "TCM health-service industry (100 million yuan)", Kind.DECIMAL);
    public static final ReportField TCM_MATERIAL_FARMING_OUTPUT = jurisdiction("tcmMaterialFarmingOutput",
            "中药材种植、养殖业产值（亿元）", "Output of TCM material farming (100 million yuan)", Kind.DECIMAL);
    public static final ReportField TCM_MANUFACTURING_OUTPUT = jurisdiction("tcmManufacturingOutput",
            "规模以上中药工业企业总产值（亿元）", "Output of TCM manufacturers above designated size (100 million yuan)",
            Kind.DECIMAL);
    public static final ReportField TCM_HEALTH_CULTURE_LITERACY = jurisdiction("tcmHealthCultureLiteracy",
            "公民中医药健康文化素养水平", "Citizens' TCM health-culture literacy", Kind.PERCENT);

    /** Fields an institution may report; the reporting service validates against this list. */
    public static final List<ReportField> ALL = List.of(PHYSICIANS, TCM_PHYSICIANS, TCM_CAPABLE_CLINICAL_PHYSICIANS,
            TCM_CAPABLE_STAFF, TECHNIQUE_CLASSES, TECHNIQUE_ITEMS, PROVIDES_TCM_SERVICES, PROVIDES_NON_DRUG_THERAPY,
            HAS_TCM_PREMISES_AND_EQUIPMENT, HAS_TCM_CLINIC_AREA, TCM_CLINIC_AREA_CONNOTATION_BUILT,
            DEMONSTRATION_TCM_CLINIC_AREA, TCM_CLINIC_AREA_ON_PLATFORM, HAS_TCM_CULTURE_CORNER, HAS_TCM_CORNER,
            HAS_TCM_DEPT, HAS_REHAB_DEPT, HAS_PREVENTIVE_DEPT, HAS_GERIATRICS_DEPT, HAS_INFECTIOUS_DISEASE_DEPT,
            HAS_GRASSROOTS_GUIDANCE_DEPT, MEETS_CAPACITY_STANDARD, ELDERLY_FRIENDLY, PROVIDES_TCM_SPECIALTY_SERVICE,
            VISITS, TCM_VISITS, NON_DRUG_THERAPY_VISITS, PRESCRIPTIONS, TCM_PRESCRIPTIONS, ELDERLY_RESIDENTS,
            ELDERLY_TCM_MANAGED, CHILDREN_0_TO_36_MONTHS, CHILDREN_TCM_MANAGED, HEALTH_EDUCATION_ACTIVITIES,
            TCM_HEALTH_EDUCATION_ACTIVITIES, HEALTH_EDUCATION_AUDIENCE, TCM_HEALTH_EDUCATION_AUDIENCE);

    /** Fields a county health bureau reports for its county. */
    public static final List<ReportField> COUNTY_FIGURES = List.of(COUNTY_RESIDENT_POPULATION,
            COUNTY_RUN_TCM_INSTITUTIONS, COUNTY_RUN_TCM_HOSPITALS, TCM_HOSPITALS_GRADE_2A_OR_ABOVE,
            HAS_TCM_HEALTH_EDUCATION_BASE, HAS_TECHNIQUE_PROMOTION_CENTRE, TCM_GENERAL_PRACTITIONERS,
            TCM_LED_MEDICAL_COMMUNITIES, TCM_LED_MEDICAL_COMMUNITY_POPULATION);

    /** Fields a jurisdiction reports about itself (city statistics the institution types do not cover). */
    public static final List<ReportField> JURISDICTION_FIGURES = List.of(RESIDENT_POPULATION, TCM_INSTITUTIONS,
            PUBLIC_TCM_HOSPITALS, PUBLIC_TCM_HOSPITAL_BEDS, TCM_LICENSED_PHYSICIANS, PUBLIC_GENERAL_HOSPITAL_TCM_BEDS,
            GRADE2_PUBLIC_TCM_HOSPITAL_TCM_PHYSICIAN_SHARE, GRADE2_TCM_HOSPITAL_REHAB_DEPT_SHARE,
            GRADE3_PUBLIC_TCM_HOSPITAL_FEVER_CLINIC_SHARE, GRADE2_PUBLIC_TCM_HOSPITAL_GERIATRICS_DEPT_SHARE,
            GRADE2_PUBLIC_GENERAL_HOSPITAL_TCM_DEPT_SHARE, TCM_VISIT_SHARE, TCM_HOSPITAL_DISCHARGE_SHARE,
            TCM_HEALTH_SERVICE_SCALE, TCM_MATERIAL_FARMING_OUTPUT, TCM_MANUFACTURING_OUTPUT,
            TCM_HEALTH_CULTURE_LITERACY);

    private static final Map<Reporter, Map<String, ReportField>> BY_REPORTER = Map.of(
            Reporter.INSTITUTION, index(ALL),
            Reporter.COUNTY, index(COUNTY_FIGURES),
            Reporter.JURISDICTION, index(JURISDICTION_FIGURES));

    /** An institution field by name. */
    public static Optional<ReportField> byName(String name) {
        return byName(Reporter.INSTITUTION, name);
    }

    public static Optional<ReportField> byName(Reporter reporter, String name) {
        return Optional.ofNullable(BY_REPORTER.get(reporter).get(name));
    }

    public static List<ReportField> forReporter(Reporter reporter) {
        return switch (reporter) {
            case INSTITUTION -> ALL;
            case COUNTY -> COUNTY_FIGURES;
            case JURISDICTION -> JURISDICTION_FIGURES;
        };
    }

    private static ReportField institution(String name, String zh, String en, Kind kind, String atMost) {
        return institution(name, zh, en, kind, atMost, kind.defaultMax());
    }

    private static ReportField institution(String name, String zh, String en, Kind kind, String atMost, BigDecimal max) {
        return new ReportField(name, zh, en, kind, atMost, Reporter.INSTITUTION, max);
    }

    private static ReportField county(String name, String zh, String en, Kind kind, String atMost) {
        return county(name, zh, en, kind, atMost, kind.defaultMax());
    }

    private static ReportField county(String name, String zh, String en, Kind kind, String atMost, BigDecimal max) {
        return new ReportField(name, zh, en, kind, atMost, Reporter.COUNTY, max);
    }

    private static ReportField jurisdiction(String name, String zh, String en, Kind kind) {
        return jurisdiction(name, zh, en, kind, kind.defaultMax());
    }

    private static ReportField jurisdiction(String name, String zh, String en, Kind kind, BigDecimal max) {
        return new ReportField(name, zh, en, kind, null, Reporter.JURISDICTION, max);
    }

    private static Map<String, ReportField> index(List<ReportField> fields) {
        return fields.stream().collect(Collectors.toUnmodifiableMap(ReportField::name, Function.identity()));
    }
}
