package org.tcmeval.targets;

import java.util.List;

/**
 * National baseline (全国). The national action plan (国中医药医政发〔2022〕3号) is not among the
 * seed documents, so the baseline holds only what every provincial seed repeats word for word:
 * CHSC/THC TCM physicians at 25% or more (Guangxi annex row 14, Inner Mongolia annex row 14).
 */
final class NationalProfile {

    static final String ID = "national";

    static final TargetProfile PROFILE = new TargetProfile(ID, TargetResolver.NATIONAL_CODE, null, List.of(
            Target.atLeast(Indicators.TCM_PHYSICIAN_RATIO, "25",
                    new Source(GuangxiProfile.DOCUMENT, "附表 考核评价指标 第14项"))));

    private NationalProfile() {
    }
}
