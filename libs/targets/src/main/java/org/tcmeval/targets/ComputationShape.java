package org.tcmeval.targets;

/**
 * The five shapes of computation the source documents use; the engine interprets them, there is
 * no class per indicator. {@link IndicatorDefinition} lists which fields each shape reads.
 */
public enum ComputationShape {
    /** Share of applicable units meeting a per-unit rule (≥ 6 classes and ≥ 10 items). */
    COMPLIANCE_RATE,
    /** Sum of a numerator over sum of a denominator across units (TCM physicians / physicians). */
    AGGREGATE_RATIO,
    /** Sum of a count per 1,000 or 10,000 residents (TCM GPs per 10,000). */
    PER_POPULATION_DENSITY,
    /**
     * Number of units with a property (150 demonstration TCM clinic areas), or a counted figure
     * (89 TCM institutions). Judged for the jurisdiction of the profile that sets the target as a
     * whole: 150 is a region-wide number, not one per banner.
     */
    COUNT,
    /** A figure reported directly by the jurisdiction (industry output, literacy survey). */
    DIRECT_VALUE
}
