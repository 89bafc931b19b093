package org.tcmeval.evaluation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** How evaluation counts and judges ({@code tcm.evaluation.*}). */
@ConfigMapping(prefix = "tcm.evaluation")
public interface EvaluationConfig {

    /** Which version of a report counts: APPROVED (default) or LATEST_SUBMITTED. */
    @WithDefault("APPROVED")
    Counting.Rule counting();

    /**
     * Below this share of expected units decided, a value is shown but not judged (INCOMPLETE).
     * 50: a value over fewer than half of the units that should have reported is not the division's.
     */
    @WithDefault("50")
    BigDecimal minimumCompletenessPercent();
}
