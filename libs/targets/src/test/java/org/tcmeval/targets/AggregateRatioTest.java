package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AggregateRatioTest {

    private final Target guangxi14 = CanonicalProfiles.GUANGXI.target(Indicators.TCM_PHYSICIAN_RATIO.code()).orElseThrow();

    @Test
    void oneCentreAtExactlyTheThresholdMeetsIt() {
        // 2 TCM-category physicians of 8 physicians: 2 / 8 = 0.25 = 25%, and the rule is >= 25%.
        AggregateRatio r = new AggregateRatio(2, 8);
        assertThat(r.percent()).isEqualByComparingTo("25");
        assertThat(guangxi14.isMet(r.percent())).isTrue();
    }

    @Test
    void countyRollsUpBySummingNotByAveraging() {
        // centre A 2/8, centre B 1/8: (2 + 1) / (8 + 8) = 3/16 = 18.75% (averaging 25% and 12.5% gives the same
        // here, so add a third centre 0/4 where the two differ: 3/20 = 15% versus mean(25, 12.5, 0) = 12.5%).
        AggregateRatio county = new AggregateRatio(2, 8).plus(new AggregateRatio(1, 8));
        assertThat(county.percent()).isEqualByComparingTo("18.75");
        assertThat(guangxi14.isMet(county.percent())).isFalse();
        assertThat(county.plus(new AggregateRatio(0, 4)).percent()).isEqualByComparingTo("15");
    }

    @Test
    void aCorrectionTakesTheOldContributionBack() {
        AggregateRatio county = new AggregateRatio(3, 16).minus(new AggregateRatio(1, 8)).plus(new AggregateRatio(3, 8));
        // (3 - 1 + 3) / (16 - 8 + 8) = 5/16 = 31.25%
        assertThat(county.percent()).isEqualByComparingTo("31.25");
    }

    @Test
    void noPhysiciansMeansNoValueRatherThanZero() {
        assertThat(AggregateRatio.ZERO.percent()).isNull();
    }

    @Test
    void betweenIsInclusiveAtBothEnds() {
        assertThat(Comparator.BETWEEN.isMet(new BigDecimal("0.4"), new BigDecimal("0.4"), new BigDecimal("0.7"))).isTrue();
        assertThat(Comparator.BETWEEN.isMet(new BigDecimal("0.7"), new BigDecimal("0.4"), new BigDecimal("0.7"))).isTrue();
        assertThat(Comparator.BETWEEN.isMet(new BigDecimal("0.71"), new BigDecimal("0.4"), new BigDecimal("0.7"))).isFalse();
    }

    @Test
    void resolverWalksFromCountyToProvinceProfile() {
        TargetResolver resolver = new TargetResolver(CanonicalProfiles.ALL);
        var resolved = resolver.resolve("450902", Indicators.TCM_PHYSICIAN_RATIO.code()).orElseThrow();
        assertThat(resolved.profileId()).isEqualTo("guangxi-2022");
        assertThat(resolved.target().threshold()).isEqualByComparingTo("25");
        // Inner Mongolia restates the 25% in its own annex (row 14), so its profile is the provenance.
        assertThat(resolver.resolve("150102", Indicators.TCM_PHYSICIAN_RATIO.code()).orElseThrow().profileId())
                .isEqualTo("inner-mongolia");
        // A Zhejiang district other than Beilun has no profile, so the national baseline applies.
        assertThat(resolver.resolve("330205", Indicators.TCM_PHYSICIAN_RATIO.code()).orElseThrow().profileId())
                .isEqualTo("national");
    }
}
