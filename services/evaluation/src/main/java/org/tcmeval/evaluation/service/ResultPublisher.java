package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tcmeval.engine.Judgement;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.evaluation.Scoring;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.Json;
import org.tcmeval.events.TargetEvaluated;
import org.tcmeval.events.Topics;
import org.tcmeval.support.outbox.Outbox;
import org.tcmeval.support.persistence.BulkSql;

/**
 * Records a division's result and, only when something a reader sees changed (status, value, sums,
 * target, completeness, reason), publishes {@code target-evaluated} through the outbox in the same
 * transaction. An unchanged result is not written, so replays publish nothing.
 */
@ApplicationScoped
public class ResultPublisher {

    static final String SOURCE = "/evaluation";

    @Inject
    Outbox outbox;

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

    /**
     * Records many results of one year: their rows are locked and read in one statement, then only the
     * changed ones are written (one upsert) and announced (one outbox insert). Plain objects, not managed
     * entities: a burst judges thousands of results per batch, and hydrating, snapshotting and
     * dirty-checking each cost more than the judging.
     */
    public Uni<Void> recordAll(int year, List<Judging.Evaluation> evaluations) {
        if (evaluations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<IndicatorResult> now = evaluations.stream().map(ev -> toResult(year, ev)).toList();
        List<String> divisions = now.stream().map(r -> r.key.unitId()).distinct().sorted().toList();
        List<String> codes = now.stream().map(r -> r.key.indicatorCode()).distinct().sorted().toList();
        // Locked and read in one statement, in key order (two batches lock shared rows in the same order).
        return Panache.getSession().chain(s -> s.createNativeQuery("select " + COLUMNS + " from indicator_result"
                                + " where year = :y and unit_id = any(cast(:d as text[]))"
                                + " and indicator_code = any(cast(:i as text[])) order by unit_id, indicator_code for update",
                                Object[].class)
                        .setParameter("y", year).setParameter("d", divisions.toArray(String[]::new))
                        .setParameter("i", codes.toArray(String[]::new)).getResultList())
                .chain(existing -> {
                    Map<IndicatorResult.Key, IndicatorResult> byKey = new java.util.HashMap<>();
                    existing.forEach(row -> {
                        IndicatorResult r = resultOf(row);
                        byKey.put(r.key, r);
                    });
                    List<IndicatorResult> written = new java.util.ArrayList<>();
                    List<Outbox.Pending> events = new java.util.ArrayList<>();
                    for (IndicatorResult r : now) {
                        IndicatorResult changed = change(byKey.get(r.key), r, year);
                        if (changed != null) {
                            written.add(changed);
                            events.add(event(changed));
                        }
                    }
                    return store(written).chain(() -> outbox.enqueueAll(events, 1_000)).replaceWithVoid();
                });
    }

    private static final String COLUMNS = "unit_id, indicator_code, year, scope, status, value, numerator, denominator,"
            + " comparator, threshold, upper_bound, profile_id, units_decided, units_expected, completeness, reason,"
            + " condition_text, cast(actual_figures as text), sequence, updated_at, population, population_source";

    private static IndicatorResult resultOf(Object[] row) {
        IndicatorResult r = new IndicatorResult();
        r.key = new IndicatorResult.Key((String) row[0], (String) row[1], ((Number) row[2]).intValue());
        r.scope = (String) row[3];
        r.status = ResultStatus.valueOf((String) row[4]);
        r.value = (BigDecimal) row[5];
        r.numerator = (BigDecimal) row[6];
        r.denominator = (BigDecimal) row[7];
        r.comparator = row[8] == null ? null : org.tcmeval.targets.Comparator.valueOf((String) row[8]);
        r.threshold = (BigDecimal) row[9];
        r.upper = (BigDecimal) row[10];
        r.profileId = (String) row[11];
        r.unitsDecided = ((Number) row[12]).longValue();
        r.unitsExpected = ((Number) row[13]).longValue();
        r.completeness = (BigDecimal) row[14];
        r.reason = (String) row[15];
        r.condition = (String) row[16];
        r.actualFigures = (String) row[17];
        r.sequence = ((Number) row[18]).longValue();
        r.population = (BigDecimal) row[20];
        r.populationSource = (String) row[21];
        return r;
    }

    /** Inserts or replaces the changed results in one statement per 2,000. */
    private static Uni<Integer> store(List<IndicatorResult> results) {
        if (results.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<IndicatorResult> r = results;
        String columns = "unit_id, indicator_code, year, scope, status, value, numerator, denominator, comparator,"
                + " threshold, upper_bound, profile_id, units_decided, units_expected, completeness, reason,"
                + " condition_text, actual_figures, sequence, updated_at, population, population_source";
        StringBuilder set = new StringBuilder();
        for (String c : columns.split(",\\s*")) {
            if (!List.of("unit_id", "indicator_code", "year").contains(c)) {
                set.append(set.isEmpty() ? "" : ", ").append(c).append(" = excluded.").append(c);
            }
        }
        return BulkSql.executeColumns("insert into indicator_result (" + columns + ") select unit_id, indicator_code,"
                + " year, scope, status, value, numerator, denominator, comparator, threshold, upper_bound, profile_id,"
                + " units_decided, units_expected, completeness, reason, condition_text, cast(actual_figures as jsonb),"
                + " sequence, cast(updated_at as timestamptz), population, population_source from " + BulkSql.unnest("text",
                        "text", "int", "text", "text", "numeric", "numeric", "numeric", "text", "numeric", "numeric", "text",
                        "bigint", "bigint", "numeric", "text", "text", "text", "bigint", "text", "numeric", "text")
                + " as r(" + columns + ")"
                + " on conflict (unit_id, indicator_code, year) do update set " + set, 2_000,
                r.stream().map(x -> x.key.unitId()).toArray(String[]::new),
                r.stream().map(x -> x.key.indicatorCode()).toArray(String[]::new),
                r.stream().map(x -> x.key.year()).toArray(Integer[]::new),
                r.stream().map(x -> x.scope).toArray(String[]::new),
                r.stream().map(x -> x.status.name()).toArray(String[]::new),
                r.stream().map(x -> x.value).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.numerator).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.denominator).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.comparator == null ? null : x.comparator.name()).toArray(String[]::new),
                r.stream().map(x -> x.threshold).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.upper).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.profileId).toArray(String[]::new),
                r.stream().map(x -> x.unitsDecided).toArray(Long[]::new),
                r.stream().map(x -> x.unitsExpected).toArray(Long[]::new),
                r.stream().map(x -> x.completeness).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.reason).toArray(String[]::new),
                r.stream().map(x -> x.condition).toArray(String[]::new),
                r.stream().map(x -> x.actualFigures).toArray(String[]::new),
                r.stream().map(x -> x.sequence).toArray(Long[]::new),
                r.stream().map(x -> x.updatedAt.toString()).toArray(String[]::new),
                r.stream().map(x -> x.population).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.populationSource).toArray(String[]::new));
    }

    /** The result to write (the existing row updated, or the new one), or null when a reader would see no change. */
    private static IndicatorResult change(IndicatorResult existing, IndicatorResult now, int year) {
        if (existing == null && now.status == ResultStatus.NO_DATA && now.unitsDecided == 0
                && now.denominator.signum() == 0 && now.numerator.signum() == 0) {
            // Nothing to say that the scorecard does not say without a row.
            return null;
        }
        if (existing != null && sameAs(existing, now)) {
            return null;
        }
        IndicatorResult r = existing == null ? now : copyInto(now, existing);
        r.sequence = existing == null ? 1 : existing.sequence + 1;
        r.updatedAt = OffsetDateTime.now();
        Log.debugf("%s %s %d: %s %s (%d/%d)", r.key.unitId(), r.key.indicatorCode(), year, r.status,
                r.value, r.unitsDecided, r.unitsExpected);
        return r;
    }

    private static IndicatorResult copyInto(IndicatorResult from, IndicatorResult to) {
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

    private static Outbox.Pending event(IndicatorResult r) {
        TargetEvaluated data = new TargetEvaluated(r.scope, r.key.unitId(), r.key.indicatorCode(), r.key.year(),
                r.sequence, r.value, r.numerator, r.denominator, r.comparator, r.threshold, r.upper, r.profileId,
                r.status.name(), r.completeness, r.unitsDecided, r.unitsExpected, r.reason, r.condition, r.population,
                r.populationSource);
        String key = eventKey(r);
        return new Outbox.Pending(Topics.TARGET_EVALUATED, key,
                EventEnvelope.of(SOURCE, EventTypes.TARGET_EVALUATED, key, TargetEvaluated.VERSION, data));
    }

    /** Division, indicator, year and the profile the target comes from ({@code none} without a target). */
    public static String eventKey(IndicatorResult r) {
        return r.key.unitId() + ":" + r.key.indicatorCode() + ":" + r.key.year() + ":"
                + (r.profileId == null ? "none" : r.profileId);
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
