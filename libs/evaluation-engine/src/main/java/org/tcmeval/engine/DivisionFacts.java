package org.tcmeval.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The judged division (辖区) and its own figures: a county's report (residentPopulation,
 * tcmHospitalsGrade2aOrAbove, ...) or a jurisdiction's. A target's division condition is tested
 * on these, and they are quoted back when the target does not apply.
 */
public record DivisionFacts(String code, Map<String, BigDecimal> facts) {

    public DivisionFacts {
        Objects.requireNonNull(code, "code");
        facts = Map.copyOf(facts);
    }

    /** A division that reported no figures of its own. */
    public static DivisionFacts of(String code) {
        return new DivisionFacts(code, Map.of());
    }
}
