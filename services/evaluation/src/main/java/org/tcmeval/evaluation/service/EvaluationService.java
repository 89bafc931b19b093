package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcmeval.directory.InstitutionListener;
import org.tcmeval.directory.InstitutionListener.Change;
import org.tcmeval.directory.InstitutionRef;
import org.tcmeval.engine.Divisions;
import org.tcmeval.engine.Engine;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.ReportRef;
import org.tcmeval.evaluation.mapping.EvaluationInput;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.EventTypes;
import org.tcmeval.support.deadletter.DeadLetterConfig;
import org.tcmeval.support.deadletter.DeadLetterHandler;
import org.tcmeval.support.deadletter.DeadLetters;
import org.tcmeval.support.deadletter.TransientRetry;

/**
 * Keeps indicator results current, one report revision at a time: each report replaces exactly its
 * unit's previous contributions to every applicable indicator in the sums of its county, city and
 * province — never a rescan. Older and repeated revisions are ignored, so re-delivery and replay
 * change nothing, and a report that arrives before its institution is applied when the institution
 * arrives.
 */
@ApplicationScoped
public class EvaluationService implements InstitutionListener, DeadLetterHandler {

    static final String CHANNEL = "evaluation-inputs";

    @Inject
    DeadLetters deadLetters;

    @Inject
    DeadLetterConfig deadLetterConfig;

    @Inject
    Evaluator evaluator;

    @Inject
    Judging judging;

    @Inject
    ReportApplier reports;

    @Inject
    TargetProjection targets;

    @Inject
    RollupDrain drain;

    @Inject
    org.tcmeval.support.memory.IdleHeapTrimmer trimmer;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mp.messaging.incoming." + CHANNEL + ".max.poll.records",
            defaultValue = "500")
    int maxPollRecords;

    @Inject
    io.vertx.core.Vertx vertx;

    /** Polls of at least half of max.poll.records since the last trim request: a backlog is being absorbed. */
    private final java.util.concurrent.atomic.AtomicInteger largePolls = new java.util.concurrent.atomic.AtomicInteger();
    /** The timer that asks for the heap back once polls stop coming, or -1. */
    private final java.util.concurrent.atomic.AtomicLong quietTimer = new java.util.concurrent.atomic.AtomicLong(-1);

    /** How long without a poll means a backlog's end. */
    private static final long BACKLOG_QUIET_MS = 1_000;

    /**
     * One poll of reports and catalog changes, applied together (see {@link #apply}). A transient
     * failure (the database restarting) retries the whole poll, with backoff, for as long as it takes;
     * a permanent one re-applies the poll's records one at a time through the dead-letter guard, so
     * only the record that can never succeed becomes a dead letter and the rest still count. The poll
     * is acknowledged once the returned Uni completes, that is after every transaction of it committed.
     */
    @Incoming(CHANNEL)
    public Uni<Void> onEvents(ConsumerRecords<String, EvaluationInput> records) {
        List<ConsumerRecord<String, EvaluationInput>> polled = new ArrayList<>();
        records.forEach(polled::add);
        // A record without a value (none is sent) is read as an empty input, which fails where it counts.
        List<EvaluationInput> inputs = polled.stream()
                .map(r -> r.value() != null ? r.value() : EvaluationInput.read(null)).toList();
        return TransientRetry.of("evaluation of a poll of " + polled.size() + " records", () -> apply(inputs),
                        deadLetterConfig.initialBackoff(), deadLetterConfig.maxBackoff())
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf(failure, "a poll of %d records failed; applying them one at a time", polled.size());
                    return Multi.createFrom().iterable(polled)
                            .onItem().transformToUniAndConcatenate(r -> deadLetters.guard(CHANNEL, r.topic(),
                                    r.partition(), r.offset(), r.key(), r.value() == null ? null : r.value().json(),
                                    () -> handle(r.key(), r.value() == null ? null : r.value().json())))
                            .collect().last().replaceWithVoid();
                })
                .invoke(() -> afterPoll(polled.size()));
    }

    /**
     * After a poll committed: the drain folds what it added above the county; and once at least two
     * large polls came (a backlog), the first second without a poll is the backlog's end, when the heap
     * it grew can go back at once. Polls alone do not tell: a burst's polls come as 1,000, 1,000, ~700
     * (one fetch per partition), so "a short poll after full ones" asked mid-burst, and the trimmer's
     * cooldown then refused the request at the end.
     */
    private void afterPoll(int size) {
        Log.debugf("poll of %d records applied", size);
        drain.requested();
        if (size >= maxPollRecords / 2) {
            largePolls.incrementAndGet();
        }
        if (largePolls.get() >= 2) {
            long timer = vertx.setTimer(BACKLOG_QUIET_MS, id -> {
                if (quietTimer.compareAndSet(id, -1)) {
                    largePolls.set(0);
                    trimmer.requestTrim();
                }
            });
            long previous = quietTimer.getAndSet(timer);
            if (previous >= 0) {
                vertx.cancelTimer(previous);
            }
        }
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** One record, alone: the per-record fallback of a failed poll, and a dead letter's replay. */
    @Override
    public Uni<Void> handle(String key, String payload) {
        return apply(List.of(EvaluationInput.read(payload)));
    }

    /**
     * Records in the order consumed: each run of consecutive reports is applied in one transaction
     * (set-based, so 500 reports cost a handful of statements rather than 500 times a handful); a
     * catalog change is applied on its own, between the reports before and after it.
     */
    Uni<Void> apply(List<EvaluationInput> inputs) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<EvaluationInput> reports = new ArrayList<>();
        for (EvaluationInput input : inputs) {
            // Not read on the polling thread: read here, where a failure makes the record a dead letter.
            String type = input.type() != null ? input.type() : EventJson.typeOf(input.json());
            switch (type) {
                case EventTypes.REPORT_SUBMITTED -> reports.add(input);
                case EventTypes.TARGET_PROFILE_CHANGED -> {
                    List<EvaluationInput> before = List.copyOf(reports);
                    reports.clear();
                    chain = chain.chain(() -> this.reports.apply(before))
                            .chain(() -> targets.onCatalogChanged(input.json()));
                }
                default -> Log.debugf("ignoring event of type %s", type);
            }
        }
        return chain.chain(() -> this.reports.apply(reports));
    }

    /**
     * Ids as one array parameter ({@code = any(...)}): an expanded {@code in (...)} list is a new
     * statement for every list length, each parsed and cached by Hibernate and PostgreSQL.
     */
    static String[] texts(java.util.Collection<?> values) {
        return values.stream().map(String::valueOf).toArray(String[]::new);
    }

    /**
     * A new, moved, re-typed or re-graded institution: re-apply its reports so its contributions
     * follow it, and re-judge the stored results its registration counts in (expected units).
     */
    @Override
    public Uni<Void> changed(InstitutionRef before, InstitutionRef after) {
        return changedAll(List.of(new Change(before, after)));
    }

    /**
     * {@link #changed} for a poll's institutions at once: one lock statement, one read of their
     * reports, one application of them and one re-judging of every result their registrations count
     * in (the divisions and indicators of all of them together: a result re-judged without need is
     * judged the same and not written).
     */
    @Override
    public Uni<Void> changedAll(List<Change> changes) {
        Set<String> provinces = new TreeSet<>();
        Set<UUID> ids = new TreeSet<>();
        for (Change c : changes) {
            ids.add(c.after().id);
            for (InstitutionRef r : new InstitutionRef[] {c.before(), c.after()}) {
                if (r != null && r.countyCode != null && r.countyCode.length() >= 2) {
                    provinces.add(r.countyCode.substring(0, 2));
                }
            }
        }
        List<UUID> sorted = List.copyOf(ids);
        return AdvisoryLocks.lockInstitutions(sorted).chain(() -> AdvisoryLocks.lockRegistrations(false, provinces))
                .chain(() -> OperatingInstitutions.registered(provinces))
                .chain(() -> ReportRef.<ReportRef>list("institutionId in ?1", sorted))
                .chain(reports -> evaluator.applyAndJudgeAll(reports)).chain(() -> rejudgeRegistrations(changes))
                .invoke(drain::requested)
                .onFailure().invoke(t -> Log.errorf(t, "%d institutions: re-evaluation failed", changes.size()));
    }

    private Uni<Void> rejudgeRegistrations(List<Change> changes) {
        Set<String> divisions = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        for (Change c : changes) {
            for (InstitutionRef r : new InstitutionRef[] {c.before(), c.after()}) {
                if (r == null || r.type == null || r.countyCode == null || !r.countyCode.matches("\\d{6}")) {
                    continue;
                }
                divisions.addAll(Divisions.rollUpChain(r.countyCode));
                Engine.applicableIndicators(r.type).forEach(i -> codes.add(i.code()));
            }
        }
        if (divisions.isEmpty() || codes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return keys("r.key.unitId in ?1 and r.key.indicatorCode in ?2", List.copyOf(divisions), List.copyOf(codes))
                .chain(this::rejudge);
    }

    /**
     * Keys of stored results, not the entities: {@link ResultPublisher#recordAll} locks the results
     * as it reads them, which must be its first read in the session.
     */
    static Uni<List<IndicatorResult.Key>> keys(String where, Object... params) {
        return Panache.getSession().chain(s -> {
            var q = s.createSelectionQuery("select r.key from IndicatorResult r where " + where,
                    IndicatorResult.Key.class);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getResultList();
        });
    }

    /** Re-judges stored results (sums unchanged; target, facts or expected units may have moved). */
    Uni<Void> rejudge(List<IndicatorResult.Key> stale) {
        Set<Evaluator.Touch> touched = new TreeSet<>();
        stale.forEach(k -> touched.add(new Evaluator.Touch(k.unitId(), k.indicatorCode(), k.year())));
        return judging.judgeAll(touched);
    }
}
