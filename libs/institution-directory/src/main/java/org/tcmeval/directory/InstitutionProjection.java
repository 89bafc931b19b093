package org.tcmeval.directory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.support.deadletter.DeadLetterHandler;
import org.tcmeval.support.deadletter.DeadLetters;

/**
 * Keeps {@code institution_ref} in step with the registry's {@code institution-changed} topic.
 * Idempotent and order-tolerant: an event whose revision is not newer than the stored one is ignored,
 * so re-delivery and replay from the start leave the same table. {@link InstitutionListener}s run in
 * the same transaction, so whatever a service derives from the change commits with it. A record that
 * cannot be applied becomes a dead letter of the service ({@link DeadLetters}); an outage is waited out.
 * A service using this library therefore needs a {@code dead_letter} migration and
 * {@code tcm.dead-letters.enabled=true}.
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

    /** Completes once the change has committed (or the record is a stored dead letter): only then is it acknowledged. */
    @Incoming(CHANNEL)
    public Uni<Void> onInstitutionChanged(ConsumerRecord<String, String> record) {
        return deadLetters.guard(record, this);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Uni<Void> handle(String key, String json) {
        InstitutionChanged e = EventJson.read(json, InstitutionChanged.class).data();
        UUID id = UUID.fromString(e.institutionId());
        return Panache.withTransaction(() -> repository.findById(id).flatMap(existing -> {
            if (existing != null && existing.revision >= e.revision()) {
                return Uni.createFrom().voidItem();
            }
            InstitutionRef before = existing == null ? null : existing.copy();
            InstitutionRef ref = existing == null ? new InstitutionRef() : existing;
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
            Log.debugf("institution %s now at revision %d", id, e.revision());
            Uni<Void> chain = repository.persist(ref).replaceWithVoid();
            for (InstitutionListener l : listeners) {
                chain = chain.chain(() -> l.changed(before, ref));
            }
            return chain;
        }));
    }
}
