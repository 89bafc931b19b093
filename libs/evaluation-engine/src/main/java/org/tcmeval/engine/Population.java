package org.tcmeval.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.tcmeval.targets.ComputationShape;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Reporter;

/**
 * One rule for a division's resident population (常住人口), wherever the engine reads it: the figure
 * the division reported, else the registry's (its {@code division-changed} projection). Densities,
 * the medical-community coverage (covered residents / residents) and target conditions such as
 * Guangxi row 18's "more than 300,000 residents" all read it this way, so a county that left the
 * figure out of its report is neither judged on nothing nor judged on a different population by
 * each of them.
 */
public final class Population {

    /** The county and jurisdiction report field holding the resident population. */
    public static final String FIELD = "residentPopulation";

    private Population() {
    }

    /** {@code facts}, with {@code registry} residents as {@link #FIELD} when the facts lack it. */
    static Map<String, BigDecimal> withRegistry(Map<String, BigDecimal> facts, Long registry) {
        if (registry == null || facts.containsKey(FIELD)) {
            return facts;
        }
        Map<String, BigDecimal> merged = new HashMap<>(facts);
        merged.put(FIELD, BigDecimal.valueOf(registry));
        return Map.copyOf(merged);
    }

    /** Whether the indicator's value is computed over a division's residents (a density, a coverage). */
    public static boolean isDenominatorOf(IndicatorDefinition indicator) {
        return indicator.reporter() != Reporter.INSTITUTION && FIELD.equals(indicator.denominatorField())
                && (indicator.shape() == ComputationShape.PER_POPULATION_DENSITY
                        || indicator.shape() == ComputationShape.AGGREGATE_RATIO);
    }
}
