package org.tcmeval.catalog.mapping;

import org.tcmeval.catalog.rest.IndicatorView;
import org.tcmeval.targets.IndicatorDefinition;

public final class IndicatorMapper {

    private IndicatorMapper() {
    }

    public static IndicatorView toView(IndicatorDefinition i) {
        return new IndicatorView(i.code(), i.nameZh(), i.nameEn(), i.shape(), i.unit(), i.applicableTypes(),
                i.numeratorField(), i.denominatorField());
    }
}
