package org.tcmeval.evaluation.service;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tcmeval.engine.Judgement;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.evaluation.Scoring;
import org.tcmeval.events.Json;

/**
 * Results as plain Java: an evaluation turned into a result, and whether a reader would see two
 * results as different. Apart from the recorder because the scorecard fills results without
 * recording them, and so that these rules are testable without a database.
 */
public final class ResultMapping {

    private ResultMapping() {
    }

    /** Fills a result (not persisted) from an evaluation; shared by the recorder and the scorecard. */
    public static IndicatorResult toResult(int year, Judging.Evaluation ev) {
        Judgement j = ev.judgement();
        IndicatorResult r = new IndicatorResult();
        r.key = new IndicatorResult.Key(j.divisionCode(), j.indicatorCode(), year);
        r.scope = Scoring.scopeOf(j.divisionCode());
        boolean computed = ev.notComputed().isEmpty();
        r.status = computed ? ResultStatus.of(j.status()) : ResultStatus.NOT_COMPUTED;
        r.value = computed ? j.value() : null;
        r.numerator = j.numerator();
        r.denominator = j.denominator();
        if (j.target() != null) {
            r.comparator = j.target().target().comparator();
            r.threshold = j.target().target().threshold();
            r.upper = j.target().target().upper();
            r.profileId = j.target().profileId();
        }
        r.unitsDecided = j.completeness().decided();
        r.unitsExpected = j.completeness().expected();
        r.completeness = j.completeness().percent();
        r.population = j.population();
        r.populationSource = j.populationSource() == null ? null : j.populationSource().name();
        if (!computed) {
            r.reason = ev.notComputed().get();
        } else if (j.inapplicability() != null) {
            r.reason = j.inapplicability().reason().name();
            r.condition = j.inapplicability().condition();
            r.actualFigures = j.inapplicability().actualFigures().isEmpty() ? null
                    : write(new TreeMap<>(j.inapplicability().actualFigures()));
        } else if (j.undecided() != null) {
            // The condition and the figures that did not settle it, so the county sees what to report.
            r.reason = "MISSING_DIVISION_FIGURES: " + String.join(", ", new java.util.TreeSet<>(j.missingDivisionFacts()));
            r.condition = j.undecided().condition();
            r.actualFigures = j.undecided().actualFigures().isEmpty() ? null
                    : write(new TreeMap<>(j.undecided().actualFigures()));
        }
        return r;
    }

    static IndicatorResult copyInto(IndicatorResult from, IndicatorResult to) {
        to.scope = from.scope;
        to.status = from.status;
        to.value = from.value;
        to.numerator = from.numerator;
        to.denominator = from.denominator;
        to.comparator = from.comparator;
        to.threshold = from.threshold;
        to.upper = from.upper;
        to.profileId = from.profileId;
        to.unitsDecided = from.unitsDecided;
        to.unitsExpected = from.unitsExpected;
        to.completeness = from.completeness;
        to.reason = from.reason;
        to.condition = from.condition;
        to.actualFigures = from.actualFigures;
        to.population = from.population;
        to.populationSource = from.populationSource;
        return to;
    }

    static boolean sameAs(IndicatorResult a, IndicatorResult b) {
        return a.status == b.status && sameNumber(a.value, b.value) && sameNumber(a.numerator, b.numerator)
                && sameNumber(a.denominator, b.denominator) && a.comparator == b.comparator
                && sameNumber(a.threshold, b.threshold) && sameNumber(a.upper, b.upper)
                && Objects.equals(a.profileId, b.profileId) && a.unitsDecided == b.unitsDecided
                && a.unitsExpected == b.unitsExpected && Objects.equals(a.reason, b.reason)
                && Objects.equals(a.condition, b.condition)
                && Objects.equals(readFigures(a.actualFigures), readFigures(b.actualFigures))
                && sameNumber(a.population, b.population) && Objects.equals(a.populationSource, b.populationSource);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }

    static String write(Map<String, BigDecimal> figures) {
        return Json.write(figures);
    }

    static Map<String, BigDecimal> readFigures(String json) {
        if (json == null) {
            return null;
        }
        Map<String, BigDecimal> m = new TreeMap<>();
        Json.tree(json).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().decimalValue()
                .stripTrailingZeros()));
        return m;
    }
}
