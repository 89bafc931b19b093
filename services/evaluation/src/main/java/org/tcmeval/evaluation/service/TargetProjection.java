package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tcmeval.evaluation.TargetProfileRef;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.TargetProfileChanged;
import org.tcmeval.targets.TargetResolver;

/**
 * Keeps {@code target_profile_ref} in step with the catalog's {@code catalog-changed} topic. A change
 * records a re-judging job for the units and results below the profile's division, in the same
 * transaction, and {@link RejudgeJobs} works it in batches in the background: a provincial change
 * re-applies thousands of reports, which inline would hold up every report behind it on this channel.
 * Older or repeated revisions are ignored.
 */
@ApplicationScoped
public class TargetProjection {

    @Inject
    TargetCatalog catalog;

    @Inject
    RejudgeJobs jobs;

    /** Called by {@link EvaluationService} in the order of its input channel. */
    public Uni<Void> onCatalogChanged(String json) {
        TargetProfileChanged e = EventJson.read(json, TargetProfileChanged.class).data();
        String prefix = TargetResolver.NATIONAL_CODE.equals(e.divisionCode()) ? "" : e.divisionCode();
        return Panache.withTransaction(() -> TargetProfileRef.<TargetProfileRef>findById(e.profileId())
                        .chain(existing -> {
                            if (existing != null && existing.revision >= e.revision()) {
                                return Uni.createFrom().item(false);
                            }
                            TargetProfileRef ref = existing == null ? new TargetProfileRef() : existing;
                            // Exclusive against batches applying reports on any instance (see TargetCatalog).
                            return TargetCatalog.lockExclusive().chain(() -> store(ref, e, prefix));
                        }))
                .invoke(changed -> {
                    if (changed) {
                        Log.debugf("target profile %s now at revision %d; re-judging %s* in the background",
                                e.profileId(), e.revision(), prefix);
                        // After the commit: reports applied from here on use the new targets.
                        catalog.invalidate();
                        jobs.kick();
                    }
                }).replaceWithVoid();
    }

    private static Uni<Boolean> store(TargetProfileRef ref, TargetProfileChanged e, String prefix) {
        ref.profileId = e.profileId();
        ref.divisionCode = e.divisionCode();
        ref.revision = e.revision();
        ref.payload = TargetCatalog.write(e);
        return ref.persist().chain(() -> RejudgeJobs.record(e.profileId(), e.revision(), prefix)).replaceWith(true);
    }
}
