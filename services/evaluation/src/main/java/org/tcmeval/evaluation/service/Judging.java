package org.tcmeval.evaluation.service;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tcmeval.engine.DivisionFacts;
import org.tcmeval.engine.Engine;
import org.tcmeval.engine.Judgement;
import org.tcmeval.engine.Sums;
import org.tcmeval.engine.Tally;
import org.tcmeval.engine.TargetInForce;
import org.tcmeval.evaluation.EvaluationConfig;
import org.tcmeval.evaluation.Scoring;
import org.tcmeval.evaluation.service.Contributions.SumsKey;
import org.tcmeval.evaluation.service.Evaluator.Touch;
import org.tcmeval.support.persistence.Pipeline;
import org.tcmeval.support.persistence.SessionSql;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.TargetResolver;

/**
 * Judges divisions' sums: the touched results of a batch (recorded through {@link ResultPublisher}),
 * or a scorecard's unstored ones (read only). Kept apart from applying reports ({@link Evaluator})
 * because the drain and the scorecards judge without applying anything. Runs inside the caller's
 * transaction.
 */
@ApplicationScoped
public class Judging {

    @Inject
    EvaluationConfig config;

    @Inject
    TargetCatalog catalog;

    @Inject
    ResultPublisher results;

    @Inject
    DivisionPopulations populations;

    @Inject
    OperatingInstitutions operatingInstitutions;

    Engine engine;

    @PostConstruct
    void init() {
        engine = new Engine(config.minimumCompletenessPercent());
    }

    /** A judgement, and why evaluation cannot compute the indicator at all, if it cannot. */
    public record Evaluation(Judgement judgement, Optional<String> notComputed) {
    }

    /** Every sums row of the year for these divisions and indicators, in one read. */
    private static Uni<Map<SumsKey, Tally>> readSums(int year, Set<String> divisions, Set<String> indicators) {
        return SessionSql.select("select division_code, indicator_code, filter_key, numerator, denominator, units,"
                        + " excluded, missing_facts, registry_population_units from division_sums where year = $1"
                        + " and division_code = any($2::text[]) and indicator_code = any($3::text[])",
                        year, EvaluationService.texts(divisions), EvaluationService.texts(indicators))
                .map(rows -> {
                    Map<SumsKey, Tally> m = new HashMap<>();
                    for (Object[] r : rows) {
                        m.put(new SumsKey((String) r[0], (String) r[1], (String) r[2]), new Tally((BigDecimal) r[3],
                                (BigDecimal) r[4], ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                                ((Number) r[7]).longValue(), ((Number) r[8]).longValue()));
                    }
                    return m;
                });
    }

    /**
     * Judges and records every touched result of a county or below, and leaves those above it to
     * {@link RollupDrain}: per year one read of the sums, the division figures
     * and expected units per division, then one locked read of the stored results (see
     * {@link ResultPublisher#recordAll}).
     */
    public Uni<Void> judgeAll(Set<Touch> touched) {
        return judgeAll(touched, new Pipeline());
    }

    /** {@link #judgeAll(Set)}, sending {@code pipeline}'s queued writes behind the first read of the sums. */
    Uni<Void> judgeAll(Set<Touch> touched, Pipeline pipeline) {
        Set<Touch> now = new TreeSet<>();
        Set<Touch> later = new TreeSet<>();
        touched.forEach(t -> (RollupDeltas.deferred(t.division()) ? later : now).add(t));
        // A city's or the province's results are judged by the drain only, after their sums: judged here
        // from sums that lack other transactions' deltas, they could overwrite a newer judgement.
        return RollupDeltas.touch(later).chain(() -> judgeNow(now, pipeline));
    }

    /** {@link #judgeAll} at every level, now: for the drain, which has just folded the sums it reads. */
    Uni<Void> judgeNow(Set<Touch> touched) {
        return judgeNow(touched, new Pipeline());
    }

    private Uni<Void> judgeNow(Set<Touch> touched, Pipeline pipeline) {
        Map<Integer, List<Touch>> byYear = new TreeMap<>();
        touched.forEach(t -> byYear.computeIfAbsent(t.year(), y -> new ArrayList<>()).add(t));
        JudgingLookups lookups = lookups();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var e : byYear.entrySet()) {
            chain = chain.chain(() -> catalog.resolver(e.getKey())
                    .chain(resolver -> judgeYear(e.getKey(), e.getValue(), resolver, lookups, pipeline)));
        }
        // Nothing to judge: what is queued goes out now (the caller waits for it before committing).
        return chain.invoke(pipeline::send);
    }

    private Uni<Void> judgeYear(int year, List<Touch> touches, TargetResolver resolver, JudgingLookups lookups,
            Pipeline pipeline) {
        Set<String> divisions = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        touches.forEach(t -> {
            divisions.add(t.division());
            codes.add(t.indicatorCode());
        });
        // Everything judging reads comes from three reads; the judging itself is plain Java (a chain of
        // one Uni per result would nest thousands deep for a province's batch).
        return lookups.prefetch(year, divisions).chain(() -> pipeline.behind(readSums(year, divisions, codes))).chain(sums -> {
            List<Evaluation> evaluations = new ArrayList<>();
            for (Touch t : touches) {
                Indicators.byCode(t.indicatorCode()).ifPresent(i -> evaluations.add(judge(t.division(), i, year,
                        resolver, sums, lookups)));
            }
            return results.recordAll(year, evaluations);
        });
    }

    Evaluation judge(String division, IndicatorDefinition i, int year, TargetResolver resolver,
            Map<SumsKey, Tally> sums, JudgingLookups lookups) {
        Optional<TargetInForce> target = TargetInForce.resolve(resolver, division, i.code());
        String filterKey = Engine.unitFilter(i, target.map(TargetInForce::target).orElse(null)).key();
        Tally tally = sums.getOrDefault(new SumsKey(division, i.code(), filterKey), Tally.ZERO);
        return new Evaluation(engine.judge(i, target, new Sums(filterKey, tally),
                new DivisionFacts(division, lookups.facts(division, year), lookups.registryPopulation(division, year)),
                lookups.expected(division, i, year)),
                Scoring.notComputedReason(i));
    }

    /**
     * Judges one division's sums for several indicators; reads only, in one read of the sums (a
     * scorecard asks for every indicator without a stored result, which one read per indicator made
     * the slowest part of a province's scorecard).
     */
    public Uni<List<Evaluation>> evaluateAll(String division, List<IndicatorDefinition> indicators, int year,
            TargetResolver resolver, JudgingLookups lookups) {
        if (indicators.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> codes = new TreeSet<>();
        indicators.forEach(i -> codes.add(i.code()));
        return lookups.prefetch(year, Set.of(division)).chain(() -> readSums(year, Set.of(division), codes))
                .map(sums -> indicators.stream().map(i -> judge(division, i, year, resolver, sums, lookups)).toList());
    }

    public JudgingLookups lookups() {
        return new JudgingLookups(config, populations, operatingInstitutions);
    }
}
