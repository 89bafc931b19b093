package org.tcmeval.directory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.InstitutionChanged;

/**
 * Keeps {@code institution_ref} in step with the registry's {@code institution-changed} topic.
 * Idempotent and order-tolerant: an event whose revision is not newer than the stored one is ignored,
 * so re-delivery and replay from the start leave the same table. {@link InstitutionListener}s run in
 * the same transaction, so whatever a service derives from the change commits with it.
 */
@ApplicationScoped
public class InstitutionProjection {

    @Inject
    InstitutionRefRepository repository;

    @Inject
    Instance<InstitutionListener> listeners;

    @Incoming("institution-changed")
    public Uni<Void> onInstitutionChanged(String json) {
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
