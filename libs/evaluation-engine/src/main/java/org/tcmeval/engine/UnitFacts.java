package org.tcmeval.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.Reporter;

/**
 * One unit's report (填报数据) as the engine reads it: an institution's figures (with its registered
 * {@code hospitalGrade} merged in as a fact), a county bureau's county figures, or a jurisdiction's
 * own figures.
 *
 * @param reporter which kind of unit reported
 * @param type the institution's type; {@code null} exactly when the reporter is not an institution
 * @param facts reported figures by field name
 * @param registryPopulation residents from the registry (populations by year), used by densities
 *                           only when the report itself lacks the population; {@code null} if none
 */
public record UnitFacts(Reporter reporter, InstitutionType type, Map<String, BigDecimal> facts,
        Long registryPopulation) {

    public UnitFacts {
        Objects.requireNonNull(reporter, "reporter");
        if ((reporter == Reporter.INSTITUTION) != (type != null)) {
            throw new IllegalArgumentException("type: an institution report needs its type, a " + reporter
                    + " report has none (got " + type + ")");
        }
        facts = Map.copyOf(facts);
        if (registryPopulation != null && registryPopulation <= 0) {
            throw new IllegalArgumentException("registryPopulation: " + registryPopulation + " residents");
        }
    }

    public static UnitFacts institution(InstitutionType type, Map<String, BigDecimal> facts) {
        return new UnitFacts(Reporter.INSTITUTION, Objects.requireNonNull(type, "type"), facts, null);
    }

    public static UnitFacts county(Map<String, BigDecimal> facts) {
        return new UnitFacts(Reporter.COUNTY, null, facts, null);
    }

    public static UnitFacts jurisdiction(Map<String, BigDecimal> facts) {
        return new UnitFacts(Reporter.JURISDICTION, null, facts, null);
    }

    /**
     * The facts a condition or rule is tested on: the report's figures, with the registry's residents
     * as {@link Population#FIELD} where the report has none (a county that left its population out is
     * still a county of 350,000 residents). Institutions have no registry population, so theirs are the
     * report's figures as they are.
     */
    public Map<String, BigDecimal> conditionFacts() {
        return Population.withRegistry(facts, registryPopulation);
    }

    /** The same report with the registry's population of the unit's division as a fallback. */
    public UnitFacts withRegistryPopulation(long residents) {
        return new UnitFacts(reporter, type, facts, residents);
    }
}
