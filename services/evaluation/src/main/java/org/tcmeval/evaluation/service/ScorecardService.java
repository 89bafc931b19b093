package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.Scoring;
import org.tcmeval.evaluation.rest.ScorecardView;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.targets.Indicators;

/** Reads scorecards; every known indicator appears, NO_DATA where nothing has been reported yet. */
@ApplicationScoped
public class ScorecardService {

    @WithSession
    public Uni<ScorecardView> scorecard(String divisionCode, int year, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(divisionCode)) {
            throw ProblemException.notFound("scorecard of division " + divisionCode);
        }
        return IndicatorResult.<IndicatorResult>list("key.unitId = ?1 and key.year = ?2", divisionCode, year)
                .map(results -> {
                    Map<String, IndicatorResult> byCode = results.stream()
                            .collect(Collectors.toMap(r -> r.key.indicatorCode(), Function.identity()));
                    List<ScorecardView.Entry> entries = Indicators.ALL.stream().map(i -> {
                        IndicatorResult r = byCode.get(i.code());
                        return r == null
                                ? new ScorecardView.Entry(i.code(), i.nameZh(), i.nameEn(), i.unit(), null, null, null,
                                        null, null, null, Scoring.Status.NO_DATA, null, 0, null)
                                : new ScorecardView.Entry(i.code(), i.nameZh(), i.nameEn(), i.unit(), r.value,
                                        r.numerator, r.denominator, r.comparator, r.threshold, r.upper, r.status,
                                        r.profileId, r.sequence, r.updatedAt);
                    }).toList();
                    return new ScorecardView(divisionCode, Scoring.scopeOf(divisionCode), year, entries);
                });
    }
}
