package org.tcmeval.reporting.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.reporting.InstitutionRef;
import org.tcmeval.reporting.repository.InstitutionRefRepository;

/**
 * Keeps {@code institution_ref} in step with the registry's {@code institution-changed} topic.
 * Idempotent and order-tolerant: an event whose revision is not newer than the stored one is ignored,
 * so re-delivery and replay from the start leave the same table.
 */
@ApplicationScoped
public class InstitutionProjection {

    @Inject
    InstitutionRefRepository repository;

    @Incoming("institution-changed")
    public Uni<Void> onInstitutionChanged(String json) {
        InstitutionChanged e = EventJson.read(json, InstitutionChanged.class).data();
        UUID id = UUID.fromString(e.institutionId());
        return Panache.withTransaction(() -> repository.findById(id).flatMap(existing -> {
            if (existing != null && existing.revision >= e.revision()) {
                return Uni.createFrom().voidItem();
            }
            InstitutionRef ref = existing == null ? new InstitutionRef() : existing;
            ref.id = id;
            ref.type = e.type();
            ref.divisionCode = e.divisionCode();
            ref.countyCode = e.countyCode();
            ref.closedOn = e.closedOn();
            ref.revision = e.revision();
            Log.debugf("institution %s now at revision %d", id, e.revision());
            return repository.persist(ref).replaceWithVoid();
        }));
    }
}
