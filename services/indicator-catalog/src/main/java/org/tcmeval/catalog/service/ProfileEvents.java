package org.tcmeval.catalog.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tcmeval.catalog.ProfileHistory;
import org.tcmeval.catalog.mapping.ProfileMapper;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.TargetProfileChanged;
import org.tcmeval.events.Topics;
import org.tcmeval.support.outbox.Outbox;

/** Enqueues {@code catalog-changed} for a profile in the transaction that changed it, keyed by profile id. */
@ApplicationScoped
public class ProfileEvents {

    @Inject
    Outbox outbox;

    public Uni<Void> publish(ProfileHistory h) {
        return outbox.enqueue(Topics.CATALOG_CHANGED, h.id(), EventEnvelope.of(TechniqueService.SOURCE,
                EventTypes.TARGET_PROFILE_CHANGED, h.id(), TargetProfileChanged.VERSION, ProfileMapper.toEvent(h)))
                .replaceWithVoid();
    }
}
