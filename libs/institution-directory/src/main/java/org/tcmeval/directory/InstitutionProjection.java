package org.tcmeval.directory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.support.deadletter.DeadLetterConfig;
import org.tcmeval.support.deadletter.DeadLetterHandler;
import org.tcmeval.support.deadletter.DeadLetters;
import org.tcmeval.support.deadletter.TransientRetry;

/**
 * Keeps {@code institution_ref} in step with the registry's {@code institution-changed} topic, a
 * consumer poll per transaction. Idempotent and order-tolerant: an event whose revision is not newer
 * than the stored one is ignored, so re-delivery and replay from the start leave the same table.
 * {@link InstitutionListener}s run in the same transaction, so whatever a service derives from the
 * changes commits with them. A record that cannot be applied becomes a dead letter of the service
 * ({@link DeadLetters}); an outage is waited out. A service using this library therefore needs a
 * {@code dead_letter} migration and {@code tcm.dead-letters.enabled=true}.
 */
@ApplicationScoped
public class InstitutionProjection implements DeadLetterHandler {

    @Inject
    InstitutionRefRepository repository;

    @Inject
    Instance<InstitutionListener> listeners;

    static final String CHANNEL = "institution-changed";

    @Inject
    DeadLetters deadLetters;

    @Inject
    DeadLetterConfig deadLetterConfig;

    /**
     * One poll in one transaction: one read of the institutions it names and one write per changed
     * entity, where one transaction per record made a province's 22,000 institutions a minute's work.
     * A transient failure retries the poll; a permanent one re-applies its records one at a time
     * through the dead-letter guard, so only the record that can never succeed becomes a dead letter.
     * Acknowledged once the returned Uni completes, after the commit.
     */
    @Incoming(CHANNEL)
    public Uni<Void> onInstitutionsChanged(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> polled = new ArrayList<>();
        records.forEach(polled::add);
        List<String> payloads = polled.stream().map(ConsumerRecord::value).toList();
        return TransientRetry.of("institution projection of a poll of " + polled.size() + " records",
                        () -> apply(payloads), deadLetterConfig.initialBackoff(), deadLetterConfig.maxBackoff())
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf(failure, "a poll of %d institution changes failed; applying them one at a time",
                            polled.size());
                    return Multi.createFrom().iterable(polled)
                            .onItem().transformToUniAndConcatenate(r -> deadLetters.guard(r, this))
                            .collect().last().replaceWithVoid();
                });
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** One record, alone: the per-record fallback of a failed poll, and a dead letter's replay. */
    @Override
    public Uni<Void> handle(String key, String json) {
        return apply(List.of(json));
    }

    /**
     * Applies the newest revision of each institution named in {@code payloads} that is newer than the
     * stored one; listeners see the stored state before and the state after (an institution changed
     * twice in one poll is one change, as if the first had been applied and immediately replaced).
     */
    Uni<Void> apply(List<String> payloads) {
        Map<UUID, InstitutionChanged> newest = new TreeMap<>();   // id order: every batch locks in one order
        for (String json : payloads) {
            InstitutionChanged e = EventJson.read(json, InstitutionChanged.class).data();
            newest.merge(UUID.fromString(e.institutionId()), e, (a, b) -> a.revision() >= b.revision() ? a : b);
        }
        if (newest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> repository.list("id in ?1", List.copyOf(newest.keySet()))
                .flatMap(existing -> {
                    Map<UUID, InstitutionRef> byId = new HashMap<>();
                    existing.forEach(r -> byId.put(r.id, r));
                    List<InstitutionListener.Change> changes = new ArrayList<>();
                    for (var entry : newest.entrySet()) {
                        InstitutionRef stored = byId.get(entry.getKey());
                        InstitutionChanged e = entry.getValue();
                        if (stored != null && stored.revision >= e.revision()) {
                            continue;
                        }
                        InstitutionRef before = stored == null ? null : stored.copy();
                        InstitutionRef ref = stored == null ? new InstitutionRef() : stored;
                        set(ref, entry.getKey(), e);
                        Log.debugf("institution %s now at revision %d", ref.id, e.revision());
                        changes.add(new InstitutionListener.Change(before, ref));
                    }
                    if (changes.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> chain = repository.persist(changes.stream().map(InstitutionListener.Change::after).toList())
                            .chain(() -> Panache.getSession().chain(s -> s.flush()));
                    for (InstitutionListener l : listeners) {
                        chain = chain.chain(() -> l.changedAll(List.copyOf(changes)));
                    }
                    return chain;
                }));
    }

    private static void set(InstitutionRef ref, UUID id, InstitutionChanged e) {
        ref.id = id;
        ref.name = e.name();
        ref.openedOn = e.openedOn();
        ref.type = e.type();
        ref.divisionCode = e.divisionCode();
        ref.countyCode = e.countyCode();
        ref.closedOn = e.closedOn();
        ref.revision = e.revision();
        ref.grade = e.grade();
        ref.ownership = e.ownership();
        ref.uscc = e.uscc();
        ref.registrationNumber = e.registrationNumber();
    }
}
