package org.tcmeval.engine;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.tcmeval.targets.CanonicalProfiles;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.TargetResolver;

/** Report builders and the canonical profiles, so each test states only its figures. */
final class Fixtures {

    static final TargetResolver RESOLVER = new TargetResolver(CanonicalProfiles.ALL);
    static final Engine ENGINE = new Engine();

    private Fixtures() {
    }

    /** {@code facts("tcmPhysicians", 1, "physicians", 10)}. */
    static Map<String, BigDecimal> facts(Object... namesAndValues) {
        Map<String, BigDecimal> facts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            facts.put((String) namesAndValues[i], new BigDecimal(namesAndValues[i + 1].toString()));
        }
        return facts;
    }

    static UnitFacts institution(InstitutionType type, Object... namesAndValues) {
        return UnitFacts.institution(type, facts(namesAndValues));
    }

    static UnitFacts county(Object... namesAndValues) {
        return UnitFacts.county(facts(namesAndValues));
    }

    static TargetInForce inForce(String divisionCode, IndicatorDefinition indicator) {
        return TargetInForce.resolve(RESOLVER, divisionCode, indicator.code()).orElseThrow();
    }

    /** The sums of {@code units} under the filter of the target in force at {@code divisionCode}. */
    static Sums sums(IndicatorDefinition indicator, TargetInForce target, UnitFacts... units) {
        UnitFilter filter = Engine.unitFilter(indicator, target == null ? null : target.target());
        Sums sums = Sums.empty(filter);
        for (UnitFacts u : units) {
            Optional<Contribution> c = Engine.contribution(indicator, filter, u);
            if (c.isPresent()) {
                sums = sums.add(c.get());
            }
        }
        return sums;
    }

    /** Judges the sums of {@code units} at {@code divisionCode} against the target in force there. */
    static Judgement judge(String divisionCode, IndicatorDefinition indicator, DivisionFacts division,
            UnitFacts... units) {
        TargetInForce target = inForce(divisionCode, indicator);
        return ENGINE.judge(indicator, Optional.of(target), sums(indicator, target, units), division,
                OptionalLong.empty());
    }

    static Judgement judge(String divisionCode, IndicatorDefinition indicator, UnitFacts... units) {
        return judge(divisionCode, indicator, DivisionFacts.of(divisionCode), units);
    }
}
