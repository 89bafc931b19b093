package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import org.hibernate.LockMode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.Scoring;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.TargetEvaluated;
import org.tcmeval.events.Topics;
import org.tcmeval.support.outbox.Outbox;
import org.tcmeval.targets.AggregateRatio;
import org.tcmeval.targets.TargetResolver.ResolvedTarget;

/**
 * Records an indicator's outcome for a unit and, when the outcome or its value changed, publishes
 * {@code target-evaluated} through the outbox in the same transaction.
 */
@ApplicationScoped
public class ResultPublisher {

    static final String SOURCE = "/evaluation";

    @Inject
    Outbox outbox;

    public Uni<IndicatorResult> record(IndicatorResult.Key key, String scope, AggregateRatio sums,
            Optional<ResolvedTarget> target) {
        Scoring.Outcome outcome = Scoring.judge(sums, target);
        // Locked, so a re-judgement after a target change and a report on the same unit take turns.
        return Panache.getSession().chain(s -> s.find(IndicatorResult.class, key, LockMode.PESSIMISTIC_WRITE))
                .flatMap(existing -> {
            IndicatorResult r = existing == null ? new IndicatorResult() : existing;
            boolean changed = existing == null || existing.status != outcome.status()
                    || !sameNumber(existing.value, outcome.value())
                    || !sameNumber(existing.denominator, BigDecimal.valueOf(sums.denominator()));
            if (!changed) {
                return Uni.createFrom().item(r);
            }
            r.key = key;
            r.scope = scope;
            r.value = outcome.value();
            r.status = outcome.status();
            r.numerator = BigDecimal.valueOf(sums.numerator());
            r.denominator = BigDecimal.valueOf(sums.denominator());
            r.comparator = target.map(t -> t.target().comparator()).orElse(null);
            r.threshold = target.map(t -> t.target().threshold()).orElse(null);
            r.upper = target.map(t -> t.target().upper()).orElse(null);
            r.profileId = target.map(ResolvedTarget::profileId).orElse(null);
            r.sequence = existing == null ? 1 : existing.sequence + 1;
            r.updatedAt = OffsetDateTime.now();
            Log.debugf("%s %s %d: %s %s", key.unitId(), key.indicatorCode(), key.year(), outcome.status(), outcome.value());
            return r.<IndicatorResult>persist().flatMap(saved -> publish(saved).replaceWith(saved));
        });
    }

    private Uni<?> publish(IndicatorResult r) {
        TargetEvaluated data = new TargetEvaluated(r.scope, r.key.unitId(), r.key.indicatorCode(), r.key.year(),
                r.sequence, r.value, r.numerator, r.denominator, r.comparator, r.threshold, r.upper, r.profileId,
                r.status.name());
        String key = r.key.unitId() + ":" + r.key.indicatorCode() + ":" + r.key.year();
        return outbox.enqueue(Topics.TARGET_EVALUATED, key,
                EventEnvelope.of(SOURCE, EventTypes.TARGET_EVALUATED, key, TargetEvaluated.VERSION, data));
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
