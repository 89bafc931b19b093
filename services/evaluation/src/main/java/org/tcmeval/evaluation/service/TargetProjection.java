package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.ReportRef;
import org.tcmeval.evaluation.TargetProfileRef;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.TargetProfileChanged;
import org.tcmeval.targets.TargetResolver;

/**
 * Keeps {@code target_profile_ref} in step with the catalog's {@code catalog-changed} topic. After a
 * change, the units below the profile's division are re-applied (a changed target may filter units
 * differently, e.g. row 18's grade condition, so their contributions move to other sums) and the
 * stored results below it are re-judged. Older or repeated revisions are ignored.
 */
@ApplicationScoped
public class TargetProjection {

    @Inject
    TargetCatalog catalog;

    @Inject
    Evaluator evaluator;

    @Inject
    jakarta.enterprise.inject.Instance<EvaluationService> service;

    /** Called by {@link EvaluationService} in the order of its input channel. */
    public Uni<Void> onCatalogChanged(String json) {
        TargetProfileChanged e = EventJson.read(json, TargetProfileChanged.class).data();
        return Panache.withTransaction(() -> TargetProfileRef.<TargetProfileRef>findById(e.profileId())
                        .chain(existing -> {
                            if (existing != null && existing.revision >= e.revision()) {
                                return Uni.createFrom().item(false);
                            }
                            TargetProfileRef ref = existing == null ? new TargetProfileRef() : existing;
                            ref.profileId = e.profileId();
                            ref.divisionCode = e.divisionCode();
                            ref.revision = e.revision();
                            ref.payload = TargetCatalog.write(e);
                            return ref.persist().replaceWith(true);
                        }))
                .chain(changed -> {
                    if (!changed) {
                        return Uni.createFrom().voidItem();
                    }
                    Log.debugf("target profile %s now at revision %d", e.profileId(), e.revision());
                    catalog.invalidate();
                    String prefix = TargetResolver.NATIONAL_CODE.equals(e.divisionCode()) ? "" : e.divisionCode();
                    return reapply(prefix).chain(() -> Panache.withSession(() -> EvaluationService
                            .keys("r.key.unitId like ?1", prefix + "%"))
                            .chain(this::rejudgeEach));
                });
    }

    /**
     * In transactions of up to 500 reports, each applied set-based: a provincial change re-applies
     * thousands of reports without one transaction (or one lock) holding them all.
     */
    private Uni<Void> reapply(String prefix) {
        return Panache.withSession(() -> ReportRef.<ReportRef>list("divisionCode like ?1 or countyCode like ?1",
                        prefix + "%"))
                .chain(reports -> {
                    List<UUID> ids = reports.stream().filter(ReportRef::isAnnual).map(r -> r.reportId).toList();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (int from = 0; from < ids.size(); from += 500) {
                        List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + 500));
                        chain = chain.chain(() -> Panache.withTransaction(() -> ReportRef.<ReportRef>list(
                                "reportId in ?1", batch).chain(evaluator::applyAndJudgeAll)));
                    }
                    return chain;
                });
    }

    /** In transactions of up to 500 results, so a national change does not hold every row lock at once. */
    private Uni<Void> rejudgeEach(List<IndicatorResult.Key> stale) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < stale.size(); from += 500) {
            List<IndicatorResult.Key> batch = stale.subList(from, Math.min(stale.size(), from + 500));
            chain = chain.chain(() -> Panache.withTransaction(() -> service.get().rejudge(batch)));
        }
        return chain;
    }
}
