package org.tcmeval.targets;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Target profiles transcribed from the source documents. Each number carries its {@link Source};
 * services seed their stores from here and never repeat a threshold in their own code. One
 * package-private class per jurisdiction holds the transcription.
 */
public final class CanonicalProfiles {

    /** National baseline (全国): the thresholds every provincial plan copies from the national programme. */
    public static final TargetProfile NATIONAL = NationalProfile.PROFILE;

    /** Guangxi Zhuang Autonomous Region (广西), 2022 plan: 18 annex indicators and body-text targets. */
    public static final TargetProfile GUANGXI = GuangxiProfile.PROFILE;

    /** Yulin (玉林), Guangxi: overrides only annex row 18, without the 300,000-resident condition. */
    public static final TargetProfile YULIN = YulinProfile.PROFILE;

    /** Qinzhou (钦州), Guangxi: the 24 main development indicators with 2020 baselines. */
    public static final TargetProfile QINZHOU = QinzhouProfile.PROFILE;

    /** Inner Mongolia (内蒙古): its own 18-row annex and body-text targets. */
    public static final TargetProfile INNER_MONGOLIA = InnerMongoliaProfile.PROFILE;

    /** Beilun district (北仑区), Ningbo: the demonstration-district requirements, due 2023. */
    public static final TargetProfile BEILUN = BeilunProfile.PROFILE;

    public static final List<TargetProfile> ALL = List.of(NATIONAL, GUANGXI, YULIN, QINZHOU, INNER_MONGOLIA, BEILUN);

    private static final Map<String, TargetProfile> BY_ID =
            ALL.stream().collect(Collectors.toUnmodifiableMap(TargetProfile::id, Function.identity()));

    static {
        // Builds the resolver once so a bad parent, a cycle or a clash of division codes in the
        // transcription fails when the class loads, in every service that uses it.
        new TargetResolver(ALL);
    }

    private CanonicalProfiles() {
    }

    public static Optional<TargetProfile> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
