package org.tcmeval.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The judged division (辖区) and its own figures: a county's report (residentPopulation,
 * tcmHospitalsGrade2aOrAbove, ...) or a jurisdiction's. A target's division condition is tested
 * on these, and they are quoted back when the target does not apply.
 *
 * @param facts the division's own counting report figures
 * @param registryPopulation the registry's residents of the division in the judged year, or {@code null};
 *                           a condition reads it where the report has no population, by the same rule
 *                           as a density's denominator (see {@link Population})
 */
public record DivisionFacts(String code, Map<String, BigDecimal> facts, Long registryPopulation) {

    public DivisionFacts {
        Objects.requireNonNull(code, "code");
        facts = Map.copyOf(facts);
        if (registryPopulation != null && registryPopulation <= 0) {
            throw new IllegalArgumentException("registryPopulation: " + registryPopulation + " residents");
        }
    }

    /** A division's own figures without a registry population. */
    public DivisionFacts(String code, Map<String, BigDecimal> facts) {
        this(code, facts, null);
    }

    /** A division that reported no figures of its own. */
    public static DivisionFacts of(String code) {
        return new DivisionFacts(code, Map.of());
    }

    /** The figures a division condition is tested on: the report's, the registry's residents where it has none. */
    public Map<String, BigDecimal> conditionFacts() {
        return Population.withRegistry(facts, registryPopulation);
    }

    /** Where the division's residents come from for a condition, or {@code null} when neither has them. */
    public Judgement.PopulationSource populationSource() {
        return facts.containsKey(Population.FIELD) ? Judgement.PopulationSource.REPORTED
                : registryPopulation != null ? Judgement.PopulationSource.REGISTRY : null;
    }
}
