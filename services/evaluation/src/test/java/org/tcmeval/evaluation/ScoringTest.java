package org.tcmeval.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tcmeval.targets.AggregateRatio;
import org.tcmeval.targets.CanonicalProfiles;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.TargetResolver;

class ScoringTest {

    private final TargetResolver resolver = new TargetResolver(CanonicalProfiles.ALL);

    @Test
    void onlyChscAndThcFeedTheTcmPhysicianRatio() {
        var figures = Map.of("physicians", new BigDecimal("8"), "tcmPhysicians", new BigDecimal("2"));
        assertThat(Scoring.contribution(Indicators.TCM_PHYSICIAN_RATIO, InstitutionType.THC, figures))
                .contains(new AggregateRatio(2, 8));
        assertThat(Scoring.contribution(Indicators.TCM_PHYSICIAN_RATIO, InstitutionType.VILLAGE_CLINIC, figures)).isEmpty();
        assertThat(Scoring.contribution(Indicators.TCM_PHYSICIAN_RATIO, InstitutionType.CHSC,
                Map.of("physicians", new BigDecimal("8")))).isEmpty();
    }

    @Test
    void judgesAgainstTheResolvedTarget() {
        var target = resolver.resolve("450902", Indicators.TCM_PHYSICIAN_RATIO.code());
        // 2/8 = 25% meets ">= 25%"; 3/16 = 18.75% does not.
        assertThat(Scoring.judge(new AggregateRatio(2, 8), target))
                .isEqualTo(new Scoring.Outcome(new BigDecimal("25.0000"), Scoring.Status.MET));
        assertThat(Scoring.judge(new AggregateRatio(3, 16), target).status()).isEqualTo(Scoring.Status.NOT_MET);
        assertThat(Scoring.judge(AggregateRatio.ZERO, target).status()).isEqualTo(Scoring.Status.NO_DATA);
        assertThat(Scoring.judge(new AggregateRatio(1, 2), Optional.empty()).status()).isEqualTo(Scoring.Status.NO_TARGET);
    }

    @Test
    void aCountyRollsUpIntoItsCityAndProvince() {
        assertThat(Scoring.rollUpChain("450902")).containsExactly("450902", "4509", "45");
        assertThat(Scoring.scopeOf("4509")).isEqualTo("CITY");
    }
}
