package org.tcmeval.registry.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.tcmeval.events.DivisionChanged;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.Topics;
import org.tcmeval.registry.Division;
import org.tcmeval.registry.mapping.DivisionMapper;
import org.tcmeval.support.outbox.Outbox;

/**
 * Publishes a revision of a division as a {@code division-changed} event in the caller's
 * transaction, keyed by division code on a compacted topic. Evaluation reads populations only from
 * these events, never by calling the registry, so a change that is not enqueued here never
 * reaches a density.
 */
@ApplicationScoped
public class DivisionEvents {

    @Inject
    Outbox outbox;

    /** {@code d.revision} and {@code d.population} must already be the new state. */
    public Uni<Void> record(Division d) {
        return outbox.enqueue(Topics.DIVISION_CHANGED, d.code, envelope(d)).replaceWithVoid();
    }

    /** Many revisions at once, for imports (the demo province is ~1,350 divisions). */
    public Uni<Void> recordAll(List<Division> divisions, int chunkSize) {
        if (divisions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return outbox.enqueueAll(divisions.stream()
                        .map(d -> new Outbox.Pending(Topics.DIVISION_CHANGED, d.code, envelope(d))).toList(), chunkSize)
                .replaceWithVoid();
    }

    static EventEnvelope<DivisionChanged> envelope(Division d) {
        return EventEnvelope.of(InstitutionEvents.SOURCE, EventTypes.DIVISION_CHANGED, d.code, DivisionChanged.VERSION,
                DivisionMapper.toEvent(d));
    }
}
