package org.tcmeval.targets;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The indicator definitions every service shares; evaluation interprets them, catalog serves them. */
public final class Indicators {

    /**
     * Guangxi annex row 14: TCM-category physicians (中医类别医师) as a share of all physicians in
     * CHSC and THC, aggregated over the institutions of a jurisdiction (同类机构), not averaged.
     */
    public static final IndicatorDefinition TCM_PHYSICIAN_RATIO = new IndicatorDefinition(
            "TCM_PHYSICIAN_RATIO",
            "社区卫生服务中心、乡镇卫生院中医类别医师占同类机构医师总数比例",
            "TCM-category physicians as a share of all physicians in CHSC/THC",
            ComputationShape.AGGREGATE_RATIO,
            Unit.PERCENT,
            Set.of(InstitutionType.CHSC, InstitutionType.THC),
            "tcmPhysicians",
            "physicians");

    public static final List<IndicatorDefinition> ALL = List.of(TCM_PHYSICIAN_RATIO);

    private static final Map<String, IndicatorDefinition> BY_CODE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(IndicatorDefinition::code, Function.identity()));

    private Indicators() {
    }

    public static Optional<IndicatorDefinition> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
