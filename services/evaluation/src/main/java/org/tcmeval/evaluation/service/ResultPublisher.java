package org.tcmeval.evaluation.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.TargetEvaluated;
import org.tcmeval.events.Topics;
import org.tcmeval.support.outbox.Outbox;

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
        List<IndicatorResult> now = evaluations.stream().map(ev -> ResultMapping.toResult(year, ev)).toList();
        List<String> divisions = now.stream().map(r -> r.key.unitId()).distinct().sorted().toList();
        List<String> codes = now.stream().map(r -> r.key.indicatorCode()).distinct().sorted().toList();
        return ResultRows.lockAndRead(year, divisions, codes)
                .chain(existing -> {
                    Map<IndicatorResult.Key, IndicatorResult> byKey = new java.util.HashMap<>();
                    existing.forEach(row -> {
                        IndicatorResult r = ResultRows.resultOf(row);
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
                    return ResultRows.store(written).chain(() -> outbox.enqueueAll(events, 1_000)).replaceWithVoid();
                });
    }

    /** The result to write (the existing row updated, or the new one), or null when a reader would see no change. */
    private static IndicatorResult change(IndicatorResult existing, IndicatorResult now, int year) {
        if (existing == null && now.status == ResultStatus.NO_DATA && now.unitsDecided == 0
                && now.denominator.signum() == 0 && now.numerator.signum() == 0) {
            // Nothing to say that the scorecard does not say without a row.
            return null;
        }
        if (existing != null && ResultMapping.sameAs(existing, now)) {
            return null;
        }
        IndicatorResult r = existing == null ? now : ResultMapping.copyInto(now, existing);
        r.sequence = existing == null ? 1 : existing.sequence + 1;
        r.updatedAt = OffsetDateTime.now();
        Log.debugf("%s %s %d: %s %s (%d/%d)", r.key.unitId(), r.key.indicatorCode(), year, r.status,
                r.value, r.unitsDecided, r.unitsExpected);
        return r;
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
}
