package org.tcmeval.targets;

/**
 * Institution types the evaluation distinguishes (机构类型). The level says which division level
 * an institution of that type hangs under: county-level hospitals under a county code, CHSC/THC
 * under a township code, stations and village clinics under a township (their village is data).
 */
public enum InstitutionType {
    /** 县级中医医院 / 县办中医医疗机构, incl. 中西医结合 and 民族医 (蒙医, 壮医) hospitals. */
    COUNTY_TCM_HOSPITAL(Level.COUNTY),
    /** 县级综合医院. */
    COUNTY_GENERAL_HOSPITAL(Level.COUNTY),
    /** 县级妇幼保健院. */
    COUNTY_MCH_HOSPITAL(Level.COUNTY),
    /** 社区卫生服务中心, community health service centre. */
    CHSC(Level.TOWNSHIP),
    /** 乡镇卫生院 (苏木乡镇卫生院), township health centre. */
    THC(Level.TOWNSHIP),
    /** 社区卫生服务站, community health service station. */
    CHSS(Level.VILLAGE),
    /** 村卫生室 (嘎查村卫生室), village clinic. */
    VILLAGE_CLINIC(Level.VILLAGE),
    /** 中医诊所 / 中医门诊部, often private; may sit at any level. */
    TCM_CLINIC(Level.ANY);

    /** Where in the division tree an institution of this type is registered. */
    public enum Level { COUNTY, TOWNSHIP, VILLAGE, ANY }

    private final Level level;

    InstitutionType(Level level) {
        this.level = level;
    }

    public Level level() {
        return level;
    }
}
