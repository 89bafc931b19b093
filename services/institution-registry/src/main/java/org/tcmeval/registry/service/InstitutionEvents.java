package org.tcmeval.registry.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.Topics;
import org.tcmeval.registry.FieldChange;
import org.tcmeval.registry.Institution;
import org.tcmeval.registry.InstitutionChange;
import org.tcmeval.registry.mapping.InstitutionMapper;
import org.tcmeval.registry.repository.InstitutionChangeRepository;
import org.tcmeval.support.outbox.Outbox;

/**
 * Records a revision of an institution twice, in the caller's transaction: as a history row
 * (who, when, which fields) and as an {@code institution-changed} event carrying the full state,
 * keyed by institution id on a compacted topic.
 */
@ApplicationScoped
public class InstitutionEvents {

    static final String SOURCE = "/institution-registry";

    @Inject
    Outbox outbox;

    @Inject
    InstitutionChangeRepository history;

    /** One revision of one institution; {@code i.revision} must already be the new revision. */
    public Uni<Void> record(Institution i, List<FieldChange> changes, boolean created, InstitutionChange.Source source,
            String who) {
        return history.persist(change(i, changes, created, source, who))
                .flatMap(ignored -> outbox.enqueue(Topics.INSTITUTION_CHANGED, i.id.toString(), envelope(i)))
                .replaceWithVoid();
    }

    /** Many revisions at once, for imports. */
    public Uni<Void> recordAll(List<Revision> revisions, InstitutionChange.Source source, String who, int chunkSize) {
        if (revisions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<java.util.Map<String, Object>> rows = new ArrayList<>(revisions.size());
        List<Outbox.Pending> events = new ArrayList<>(revisions.size());
        for (Revision r : revisions) {
            InstitutionChange c = change(r.institution(), r.changes(), r.created(), source, who);
            rows.add(java.util.Map.of("institution_id", c.institutionId.toString(), "revision", c.revision,
                    "action", c.action, "source", c.source, "changed_by", c.changedBy,
                    "changed_at", c.changedAt.toString(), "changes", c.changes));
            events.add(new Outbox.Pending(Topics.INSTITUTION_CHANGED, r.institution().id.toString(),
                    envelope(r.institution())));
        }
        return history.insertAll(rows, chunkSize)
                .flatMap(ignored -> outbox.enqueueAll(events, chunkSize))
                .replaceWithVoid();
    }

    public record Revision(Institution institution, List<FieldChange> changes, boolean created) {
    }

    static EventEnvelope<InstitutionChanged> envelope(Institution i) {
        return EventEnvelope.of(SOURCE, EventTypes.INSTITUTION_CHANGED, i.id.toString(), InstitutionChanged.VERSION,
                InstitutionMapper.toEvent(i));
    }

    private static InstitutionChange change(Institution i, List<FieldChange> changes, boolean created,
            InstitutionChange.Source source, String who) {
        InstitutionChange c = new InstitutionChange();
        c.institutionId = i.id;
        c.revision = i.revision;
        c.action = InstitutionChange.actionFor(changes, created).name();
        c.source = source.name();
        c.changedBy = who;
        c.changedAt = i.updatedAt != null ? i.updatedAt : OffsetDateTime.now();
        c.changes = InstitutionMapper.writeChanges(changes);
        return c;
    }
}
