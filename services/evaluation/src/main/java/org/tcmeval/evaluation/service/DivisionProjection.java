package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcmeval.support.deadletter.DeadLetterHandler;
import org.tcmeval.support.deadletter.DeadLetters;
import org.tcmeval.evaluation.DivisionFact;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.ReportRef;
import org.tcmeval.events.DivisionChanged;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.EventTypes;

/**
 * Keeps {@code division_fact} in step with the registry's {@code division-changed} topic, on a
 * channel of its own. Idempotent and order-tolerant: an event whose revision is not newer than the
 * stored one is ignored, so re-delivery and replay leave the same tables and announce nothing.
 * When the population of some years changed, the division's own reports of those years are
 * re-applied in the same transaction: a density whose report lacks residentPopulation reads the
 * registry's, and its sums up the roll-up chain must follow.
 */
@ApplicationScoped
public class DivisionProjection implements DeadLetterHandler {

    @Inject
    DivisionPopulations populations;

    @Inject
    Evaluator evaluator;

    @Inject
    Judging judging;

    @Inject
    DeadLetters deadLetters;

    /** Completes once the change has committed (or the record is a stored dead letter): only then is it acknowledged. */
    @Incoming("division-changed")
    public Uni<Void> onDivisionChanged(ConsumerRecord<String, String> record) {
        return deadLetters.guard(record, this);
    }

    @Override
    public String channel() {
        return "division-changed";
    }

    @Override
    public Uni<Void> handle(String key, String json) {
        String type = EventJson.typeOf(json);
        if (!EventTypes.DIVISION_CHANGED.equals(type)) {
            Log.debugf("ignoring event of type %s on division-changed", type);
            return Uni.createFrom().voidItem();
        }
        DivisionChanged e = EventJson.read(json, DivisionChanged.class).data();
        return Panache.withTransaction(() -> project(e))
                .onFailure().invoke(t -> Log.errorf(t, "division %s revision %d: projection failed", e.code(),
                        e.revision()));
    }

    private Uni<Void> project(DivisionChanged e) {
        return populations.lockForChange(e.code())
                .chain(() -> DivisionFact.<DivisionFact>findById(e.code()))
                .chain(existing -> {
                    if (existing != null && existing.revision >= e.revision()) {
                        Log.debugf("division %s revision %d already applied (have %d)", e.code(), e.revision(),
                                existing.revision);
                        return Uni.createFrom().voidItem();
                    }
                    DivisionFact f = existing == null ? new DivisionFact() : existing;
                    f.code = e.code();
                    f.revision = e.revision();
                    f.name = e.name();
                    f.level = e.level();
                    f.parentCode = e.parentCode();
                    f.levelLabel = e.levelLabel();
                    return populations.stored(e.code()).chain(before -> f.<DivisionFact>persistAndFlush()
                            // Flushed first: the population rows reference the division.
                            .chain(() -> populations.replace(e.code(), e.population()))
                            .chain(() -> reapply(e.code(), changedYears(before, e.population()))));
                });
    }

    /** Years whose residents were added, corrected or withdrawn. */
    static TreeSet<Integer> changedYears(SortedMap<Integer, Long> before, SortedMap<Integer, Long> after) {
        TreeSet<Integer> years = new TreeSet<>(before.keySet());
        years.addAll(after.keySet());
        years.removeIf(y -> Objects.equals(before.get(y), after.get(y)));
        return years;
    }

    /** The division's own annual reports of {@code years}, each re-applied and its results re-judged. */
    private Uni<Void> reapply(String code, TreeSet<Integer> years) {
        if (years.isEmpty()) {
            Log.debugf("division %s: population unchanged", code);
            return Uni.createFrom().voidItem();
        }
        return ReportRef.<ReportRef>list("unitId = ?1 and reporterKind <> 'INSTITUTION' and year in ?2", code,
                        List.copyOf(years))
                .chain(reports -> {
                    List<ReportRef> annual = reports.stream().filter(ReportRef::isAnnual)
                            .sorted(Comparator.comparingInt((ReportRef r) -> r.year).thenComparing(r -> r.reportId))
                            .toList();
                    Log.debugf("division %s: population of %s changed, re-applying %d reports", code, years,
                            annual.size());
                    // Then the division's stored results of those years: a target condition on its residents
                    // reads the registry's when its own report has none, whoever reported the figures judged
                    // (centres of a county whose target binds only above 300,000 residents). Results not
                    // stored are judged on reading, so none is created here.
                    return evaluator.applyAndJudgeAll(annual).chain(() -> IndicatorResult.<IndicatorResult>list(
                                    "key.unitId = ?1 and key.year in ?2", code, List.copyOf(years)))
                            .chain(stored -> {
                                java.util.Set<Evaluator.Touch> touched = new java.util.TreeSet<>();
                                stored.forEach(r -> touched.add(new Evaluator.Touch(code, r.key.indicatorCode(),
                                        r.key.year())));
                                return judging.judgeAll(touched);
                            });
                });
    }
}
