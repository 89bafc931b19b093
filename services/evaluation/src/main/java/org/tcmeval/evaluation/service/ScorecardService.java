package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.Scoring;
import org.tcmeval.evaluation.rest.ScorecardView;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.Reporter;
import org.tcmeval.targets.TargetResolver;

/**
 * Reads scorecards: every known indicator, from the stored result where one was recorded, else
 * judged on reading with the same engine (so the target in force and the reason show even
 * without a value). Stored scorecards are served from {@link ScorecardCache} while their
 * fingerprint holds.
 */
@ApplicationScoped
public class ScorecardService {

    @Inject
    Judging judging;

    @Inject
    TargetCatalog catalog;

    @Inject
    ChosenProfile chosen;

    @Inject
    ScorecardCache cache;

    @WithSession
    public Uni<ScorecardView> scorecard(String divisionCode, int year, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(divisionCode)) {
            throw ProblemException.notFound("scorecard of division " + divisionCode);
        }
        return catalog.resolver(year).chain(resolver -> cache.valid(divisionCode, year, resolver).chain(hit -> hit != null
                ? Uni.createFrom().item(hit)
                // Built and fingerprinted in one snapshot: a change committing in between is in both or in neither.
                : Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> s.createNativeQuery("set transaction isolation level repeatable read").executeUpdate())
                        .chain(() -> build(divisionCode, year, resolver))
                        .chain(built -> ScorecardCache.fingerprint(divisionCode, year, built.registrations())
                                .invoke(f -> cache.put(divisionCode, year, f, built.registrations(), resolver, built.view()))
                                .map(f -> built.view())))));
    }

    /** A scorecard and whether it counts registrations (an institution-reported indicator judged on reading). */
    private record Built(ScorecardView view, boolean registrations) {
    }

    private Uni<Built> build(String divisionCode, int year, TargetResolver resolver) {
        return IndicatorResult.<IndicatorResult>list("key.unitId = ?1 and key.year = ?2", divisionCode, year)
                .chain(results -> {
                    Map<String, IndicatorResult> byCode = results.stream()
                            .collect(Collectors.toMap(r -> r.key.indicatorCode(), Function.identity()));
                    List<IndicatorDefinition> unstored = Indicators.ALL.stream()
                            .filter(i -> !byCode.containsKey(i.code())).toList();
                    return judging.evaluateAll(divisionCode, unstored, year, resolver, judging.lookups())
                            .chain(evaluations -> RollupDeltas.pending(divisionCode, year).map(pending -> {
                                Map<String, IndicatorResult> judged = new java.util.HashMap<>();
                                evaluations.forEach(ev -> judged.put(ev.judgement().indicatorCode(),
                                        ResultMapping.toResult(year, ev)));
                                List<ScorecardView.Entry> entries = new ArrayList<>();
                                for (IndicatorDefinition i : Indicators.ALL) {
                                    IndicatorResult r = byCode.containsKey(i.code()) ? byCode.get(i.code())
                                            : judged.get(i.code());
                                    entries.add(entry(i, r));
                                }
                                return new Built(new ScorecardView(divisionCode, Scoring.scopeOf(divisionCode), year,
                                        null, pending, entries),
                                        unstored.stream().anyMatch(i -> i.reporter() == Reporter.INSTITUTION));
                            }));
                });
    }

    /** The scorecard under a profile the caller chose, computed on reading (see {@link ChosenProfile}). */
    @WithSession
    public Uni<ScorecardView> scorecard(String divisionCode, int year, String profileId, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(divisionCode)) {
            throw ProblemException.notFound("scorecard of division " + divisionCode);
        }
        // Pending read before the sums: a drain committing in between makes it claim less, never more.
        return RollupDeltas.pending(divisionCode, year).chain(pending -> chosen.evaluate(divisionCode, year, profileId)
                .map(evaluations -> {
            List<ScorecardView.Entry> entries = new ArrayList<>();
            for (Judging.Evaluation ev : evaluations) {
                Indicators.byCode(ev.judgement().indicatorCode())
                        .ifPresent(i -> entries.add(entry(i, ResultMapping.toResult(year, ev))));
            }
            return new ScorecardView(divisionCode, Scoring.scopeOf(divisionCode), year, profileId, pending, entries);
        }));
    }

    /** Transactions not yet folded into the division's sums, as the scorecard's {@code pending}; in the caller's session. */
    public Uni<Long> pending(String divisionCode, int year) {
        return RollupDeltas.pending(divisionCode, year);
    }

    private static ScorecardView.Entry entry(IndicatorDefinition i, IndicatorResult r) {
        return new ScorecardView.Entry(i.code(), i.nameZh(), i.nameEn(), i.unit(), r.value, r.numerator, r.denominator,
                r.comparator, r.threshold, r.upper, r.status, r.profileId, r.completeness, r.unitsDecided,
                r.unitsExpected, r.reason, r.condition, ResultMapping.readFigures(r.actualFigures), r.population,
                r.populationSource, r.sequence,
                r.updatedAt);
    }
}
