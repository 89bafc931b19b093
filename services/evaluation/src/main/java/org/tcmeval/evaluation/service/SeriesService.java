package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tcmeval.engine.Engine;
import org.tcmeval.engine.TargetInForce;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.evaluation.rest.SeriesView;
import org.tcmeval.evaluation.trend.LinearTrend;
import org.tcmeval.evaluation.trend.Outlook;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Target;

/**
 * One indicator of one division over a range of years (时间序列), read from the stored results, with
 * the plan's baseline and a projection to the target's deadline ({@link Outlook}). Nothing is judged
 * again: a year without a stored result says so.
 */
@ApplicationScoped
public class SeriesService {

    /** Longest range served, in years: a five-year plan and its predecessors fit, a careless loop does not. */
    public static final int MAX_YEARS = 30;

    @Inject
    TargetCatalog catalog;

    @WithSession
    public Uni<SeriesView> series(String division, String indicatorCode, int from, int to, Jurisdiction jurisdiction) {
        IndicatorDefinition i = DrillDownService.indicator(division, indicatorCode, jurisdiction);
        if (from > to) {
            throw ProblemException.invalid("from", "from-not-after-to", "from (" + from + ") is after to (" + to + ")");
        }
        if (to - from + 1 > MAX_YEARS) {
            throw ProblemException.invalid("to", "at-most-" + MAX_YEARS + "-years", "from " + from + " to " + to + " spans "
                    + (to - from + 1) + " years; ask for at most " + MAX_YEARS + " at a time");
        }
        // Pending read before the results, as the scorecard does: it may overstate, never understate.
        return RollupDeltas.pendingByYear(division, from, to).chain(pending -> IndicatorResult.<IndicatorResult>list(
                "key.unitId = ?1 and key.indicatorCode = ?2 and key.year between ?3 and ?4", division, i.code(), from, to)
                .chain(rows -> catalog.resolver(to).map(resolver -> view(division, i, from, to, rows, pending,
                        TargetInForce.resolve(resolver, division, i.code())))));
    }

    private static SeriesView view(String division, IndicatorDefinition i, int from, int to, List<IndicatorResult> rows,
            Map<Integer, Long> pending, Optional<TargetInForce> inForce) {
        Map<Integer, IndicatorResult> byYear = rows.stream().collect(Collectors.toMap(r -> r.key.year(), Function.identity()));
        List<SeriesView.Year> years = new ArrayList<>();
        List<LinearTrend.Point> usable = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            IndicatorResult r = byYear.get(y);
            if (r == null) {
                years.add(new SeriesView.Year(y, ResultStatus.NOT_COMPUTED, null, null, null, null, null, null, null, null,
                        null, null, null, null, "NOT_STORED: no result is recorded for this division and year",
                        pending.getOrDefault(y, 0L), false));
                continue;
            }
            boolean used = r.value != null && projectable(r.status);
            if (used) {
                usable.add(new LinearTrend.Point(y, r.value));
            }
            years.add(new SeriesView.Year(y, r.status, r.value, r.numerator, r.denominator, r.population,
                    r.populationSource, r.comparator, r.threshold,
                    r.upper, r.profileId, r.completeness, r.unitsDecided, r.unitsExpected, r.reason,
                    pending.getOrDefault(y, 0L), used));
        }
        SeriesView.Target target = inForce.map(t -> new SeriesView.Target(t.profileId(), t.profileDivisionCode(),
                t.target().comparator(), t.target().threshold(), t.target().upper(), t.target().deadlineYear(),
                t.target().nature(), t.target().source().document(), t.target().source().location())).orElse(null);
        SeriesView.Baseline baseline = inForce.filter(t -> t.target().baseline() != null)
                .map(t -> new SeriesView.Baseline(t.target().baselineYear(), t.target().baseline(),
                        t.profileDivisionCode(), t.profileDivisionCode().equals(division))).orElse(null);
        Outlook.Terms terms = inForce.map(t -> {
            Target x = t.target();
            return new Outlook.Terms(x.comparator(), x.threshold(), x.upper(), x.deadlineYear(),
                    Engine.judgedOnlyAt(i, t).orElse(null));
        }).orElse(null);
        Outlook.Result o = Outlook.of(division, usable, terms);
        var f = o.fit();
        SeriesView.Projection projection = new SeriesView.Projection("PROJECTION", "LEAST_SQUARES_LINEAR", o.verdict(),
                o.why(), terms == null ? null : terms.deadlineYear(), f == null ? null : f.value(),
                f == null ? null : f.slopePerYear(), f == null ? null : f.points(), f == null ? null : f.firstYear(),
                f == null ? null : f.lastYear(), o.zh(), o.en());
        return new SeriesView(division, i.code(), i.nameZh(), i.nameEn(), i.unit(), from, to, target, baseline, years,
                projection);
    }

    /** Whether a stored value is the division's own, to project from: an INCOMPLETE one covers too few units. */
    static boolean projectable(ResultStatus s) {
        return switch (s) {
            case MET, NOT_MET, NO_TARGET, NOT_APPLICABLE -> true;
            case INCOMPLETE, NO_DATA, NOT_COMPUTED -> false;
        };
    }
}
