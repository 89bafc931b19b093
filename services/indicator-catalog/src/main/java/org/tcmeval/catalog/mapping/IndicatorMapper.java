package org.tcmeval.catalog.mapping;

import org.tcmeval.catalog.rest.IndicatorView;
import org.tcmeval.targets.Condition;
import org.tcmeval.targets.IndicatorDefinition;

public final class IndicatorMapper {

    private IndicatorMapper() {
    }

    public static IndicatorView toView(IndicatorDefinition i) {
        return new IndicatorView(i.code(), i.nameZh(), i.nameEn(), i.category(), i.category().nameZh(), i.shape(),
                i.unit(), i.unit().nameZh(), i.reporter(), i.applicableTypes(), i.numeratorField(), i.denominatorField(),
                describe(i.perUnitRule()), describe(i.unitFilter()), i.populationScale());
    }

    /** {@code null} for "always", so a client can test for a rule's presence. */
    static String describe(Condition c) {
        return Condition.NONE.equals(c) ? null : c.describe();
    }
}
