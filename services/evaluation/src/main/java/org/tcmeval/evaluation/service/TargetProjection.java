package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.tcmeval.directory.InstitutionRefRepository;
import org.hibernate.LockMode;
import org.tcmeval.evaluation.Aggregate;
import org.tcmeval.evaluation.Contribution;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.TargetProfileRef;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.TargetProfileChanged;
import org.tcmeval.targets.AggregateRatio;
import org.tcmeval.targets.TargetResolver;

/**
 * Keeps {@code target_profile_ref} in step with the catalog's {@code catalog-changed} topic and
 * re-judges the stored results below a changed profile's division: their sums are unchanged, only
 * the target they are held against moved. Older or repeated revisions are ignored.
 */
@ApplicationScoped
public class TargetProjection {

    @Inject
    TargetCatalog catalog;

    @Inject
    ResultPublisher results;

    @Inject
    InstitutionRefRepository institutions;

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
                    return Panache.withSession(() -> affected(e.divisionCode())).chain(this::rejudgeEach);
                });
    }

    /** Keys and scopes of the results at or below the division (institutions by their registered division). */
    private Uni<List<IndicatorResult>> affected(String divisionCode) {
        String prefix = TargetResolver.NATIONAL_CODE.equals(divisionCode) ? "" : divisionCode;
        Uni<List<IndicatorResult>> divisions = IndicatorResult.list("scope <> 'INSTITUTION' and key.unitId like ?1",
                prefix + "%");
        return divisions.chain(d -> institutions.list("divisionCode like ?1", prefix + "%").chain(refs -> refs.isEmpty()
                ? Uni.createFrom().item(d)
                : IndicatorResult.<IndicatorResult>list("scope = 'INSTITUTION' and key.unitId in ?1",
                                refs.stream().map(r -> r.id.toString()).toList())
                        .map(i -> java.util.stream.Stream.concat(d.stream(), i.stream()).toList())));
    }

    /**
     * One transaction per result, each re-reading the sums under the same row lock the report path
     * takes: a report applied meanwhile is never overwritten with the sums this listing saw.
     */
    private Uni<Void> rejudgeEach(List<IndicatorResult> stale) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (IndicatorResult r : stale) {
            IndicatorResult.Key key = r.key;
            String scope = r.scope;
            chain = chain.chain(() -> Panache.withTransaction(() -> rejudge(key, scope)));
        }
        return chain;
    }

    private Uni<Void> rejudge(IndicatorResult.Key key, String scope) {
        if (!"INSTITUTION".equals(scope)) {
            return Panache.getSession().chain(s -> s.find(Aggregate.class,
                            new Aggregate.Key(key.unitId(), key.indicatorCode(), key.year()), LockMode.PESSIMISTIC_WRITE))
                    .chain(a -> judge(key, scope, key.unitId(), a == null ? AggregateRatio.ZERO : a.ratio()));
        }
        // An institution's result is locked before its contribution is read: a report that changes the
        // contribution meanwhile records its result after this one, so the newest sums are written last.
        UUID institution = UUID.fromString(key.unitId());
        return Panache.getSession().chain(s -> s.find(IndicatorResult.class, key, LockMode.PESSIMISTIC_WRITE)
                        .chain(locked -> s.find(Contribution.class,
                                new Contribution.Key(institution, key.indicatorCode(), key.year()))))
                .chain(c -> institutions.findById(institution).chain(ref -> ref == null ? Uni.createFrom().voidItem()
                        : judge(key, scope, ref.divisionCode, c == null ? AggregateRatio.ZERO : c.ratio())));
    }

    private Uni<Void> judge(IndicatorResult.Key key, String scope, String divisionCode, AggregateRatio sums) {
        return catalog.resolve(divisionCode, key.indicatorCode(), key.year())
                .chain(t -> results.record(key, scope, sums, t)).replaceWithVoid();
    }
}
