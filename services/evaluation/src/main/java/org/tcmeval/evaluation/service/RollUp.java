package org.tcmeval.evaluation.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tcmeval.directory.InstitutionRef;
import org.tcmeval.evaluation.Aggregate;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.Scoring;
import org.tcmeval.evaluation.repository.AggregateRepository;
import org.tcmeval.targets.AggregateRatio;

/** Moves an institution's contribution between the sums of the divisions above it and re-judges them. */
@ApplicationScoped
public class RollUp {

    @Inject
    AggregateRepository aggregates;

    @Inject
    ResultPublisher results;

    @Inject
    TargetCatalog targets;

    /**
     * Takes {@code old} out of the chain above {@code oldCounty} and puts {@code now} into the chain
     * above {@code newCounty}; either side may be {@code null}. Divisions on both chains get the
     * difference only, so each division is touched once.
     */
    public Uni<Void> move(String oldCounty, AggregateRatio old, String newCounty, AggregateRatio now, String indicator,
            int year) {
        Map<String, AggregateRatio> deltas = new LinkedHashMap<>();
        if (old != null) {
            Scoring.rollUpChain(oldCounty).forEach(d -> deltas.merge(d, AggregateRatio.ZERO.minus(old), AggregateRatio::plus));
        }
        if (now != null) {
            Scoring.rollUpChain(newCounty).forEach(d -> deltas.merge(d, now, AggregateRatio::plus));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var e : deltas.entrySet()) {
            Aggregate.Key key = new Aggregate.Key(e.getKey(), indicator, year);
            chain = chain.chain(() -> aggregates.add(key, e.getValue())
                    .chain(a -> targets.resolve(key.divisionCode(), indicator, year)
                            .chain(t -> results.record(new IndicatorResult.Key(key.divisionCode(), indicator, year),
                                    Scoring.scopeOf(key.divisionCode()), a.ratio(), t)))
                    .replaceWithVoid());
        }
        return chain;
    }

    public Uni<Void> recordInstitution(InstitutionRef inst, String indicator, int year, AggregateRatio own) {
        return targets.resolve(inst.divisionCode, indicator, year)
                .chain(t -> results.record(new IndicatorResult.Key(inst.id.toString(), indicator, year), "INSTITUTION",
                        own, t))
                .replaceWithVoid();
    }
}
