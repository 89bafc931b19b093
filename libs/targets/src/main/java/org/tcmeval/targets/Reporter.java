package org.tcmeval.targets;

/**
 * Who supplies the figures an indicator reads (填报主体). Most indicators roll up institution
 * reports; some need county facts (resident population, medical-community coverage) that only the
 * county health bureau knows; a few (Qinzhou's city statistics, industry output) cover units no
 * institution type describes, so the jurisdiction reports them itself.
 */
public enum Reporter {
    /** 机构填报: institutions of the indicator's applicable types. */
    INSTITUTION("机构"),
    /** 县级卫生健康局填报: one report per county (县/区/旗县). */
    COUNTY("县级卫生健康局"),
    /** 辖区直接填报: the jurisdiction whose profile sets the target reports the figure itself. */
    JURISDICTION("目标所属辖区");

    private final String nameZh;

    Reporter(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
