package org.tcmeval.evaluation.supervision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a supervision plan lists: cities (市), counties (县、区、旗) or grassroots institutions (基层医疗机构). */
@Schema(name = "SupervisionUnitKind")
public enum UnitKind {
    CITY("市"), COUNTY("县（市、区）"), INSTITUTION("基层医疗机构");

    private final String nameZh;

    UnitKind(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
