package org.tcmeval.targets;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Target profiles transcribed from the source documents. Each number carries its {@link Source};
 * services seed their stores from here and never repeat a threshold in their own code.
 */
public final class CanonicalProfiles {

    private static final String GUANGXI_DOC = "guangxi-grassroots-tcm-capacity-plan-2022";

    /** National baseline (全国): the thresholds the provincial plans copy from the national programme. */
    public static final TargetProfile NATIONAL = new TargetProfile("national", "00", null, List.of(
            new Target(Indicators.TCM_PHYSICIAN_RATIO.code(), Comparator.AT_LEAST, new BigDecimal("25"), null,
                    2025, Nature.EXPECTED, null,
                    new Source(GUANGXI_DOC, "附件 基层中医药服务能力提升工程评价指标 第14项"))));

    /** Guangxi Zhuang Autonomous Region (广西), 2022 plan, 18 annex indicators. */
    public static final TargetProfile GUANGXI = new TargetProfile("guangxi-2022", "45", NATIONAL.id(), List.of(
            new Target(Indicators.TCM_PHYSICIAN_RATIO.code(), Comparator.AT_LEAST, new BigDecimal("25"), null,
                    2025, Nature.EXPECTED, null,
                    new Source(GUANGXI_DOC, "附件 基层中医药服务能力提升工程评价指标 第14项"))));

    public static final List<TargetProfile> ALL = List.of(NATIONAL, GUANGXI);

    private static final Map<String, TargetProfile> BY_ID =
            ALL.stream().collect(Collectors.toUnmodifiableMap(TargetProfile::id, Function.identity()));

    private CanonicalProfiles() {
    }

    public static Optional<TargetProfile> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
