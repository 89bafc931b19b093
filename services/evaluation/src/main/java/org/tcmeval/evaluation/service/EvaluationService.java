package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.LockMode;
import org.tcmeval.directory.InstitutionListener;
import org.tcmeval.directory.InstitutionRef;
import org.tcmeval.engine.Divisions;
import org.tcmeval.engine.Engine;
import org.tcmeval.evaluation.Counting;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.ReportRef;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.ReportSubmitted;

/**
 * Keeps indicator results current, one report revision at a time: each report replaces exactly its
 * unit's previous contributions to every applicable indicator in the sums of its county, city and
 * province — never a rescan. Older and repeated revisions are ignored, so re-delivery and replay
 * change nothing, and a report that arrives before its institution is applied when the institution
 * arrives.
 */
@ApplicationScoped
public class EvaluationService implements InstitutionListener {

    private static final Set<String> STATUSES = Set.of("SUBMITTED", "APPROVED", "RETURNED");

    @Inject
    Evaluator evaluator;

    @Inject
    TargetProjection targets;

    /** Reports and catalog changes, in the order they are consumed, one at a time. */
    @Incoming("evaluation-inputs")
    public Uni<Void> onEvent(String json) {
        String type = EventJson.typeOf(json);
        return switch (type) {
            case EventTypes.REPORT_SUBMITTED -> onReportSubmitted(json);
            case EventTypes.TARGET_PROFILE_CHANGED -> targets.onCatalogChanged(json);
            default -> {
                Log.debugf("ignoring event of type %s", type);
                yield Uni.createFrom().voidItem();
            }
        };
    }

    Uni<Void> onReportSubmitted(String json) {
        ReportSubmitted e = EventJson.read(json, ReportSubmitted.class).data();
        if (!STATUSES.contains(e.status())) {
            Log.warnf("report %s revision %d: unknown status %s, ignored", e.reportId(), e.revision(), e.status());
            return Uni.createFrom().voidItem();
        }
        UUID reportId = UUID.fromString(e.reportId());
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.find(ReportRef.class, reportId, LockMode.PESSIMISTIC_WRITE)).chain(existing -> {
                    if (existing != null && existing.revision >= e.revision()) {
                        Log.debugf("report %s revision %d already applied (have %d)", reportId, e.revision(),
                                existing.revision);
                        return Uni.createFrom().voidItem();
                    }
                    ReportRef ref = existing == null ? new ReportRef() : existing;
                    if (existing == null) {
                        ref.reportId = reportId;
                        ref.reporterKind = e.reporterKind() == null ? "INSTITUTION" : e.reporterKind();
                        ref.institutionId = e.institutionId() == null ? null : UUID.fromString(e.institutionId());
                        ref.unitId = e.institutionId() != null ? e.institutionId() : e.reporterId();
                        ref.divisionCode = e.divisionCode();
                        ref.year = e.year();
                        ref.period = e.period();
                    }
                    Counting.apply(ref, e);
                    return ref.persist().chain(() -> evaluator.applyAndJudge(ref));
                })).onFailure().invoke(t -> Log.errorf(t, "report %s revision %d: evaluation failed", reportId,
                        e.revision()));
    }

    /**
     * A new, moved, re-typed or re-graded institution: re-apply its reports so its contributions
     * follow it, and re-judge the stored results its registration counts in (expected units).
     */
    @Override
    public Uni<Void> changed(InstitutionRef before, InstitutionRef after) {
        return Evaluator.lockInstitution(after.id).chain(() -> ReportRef.<ReportRef>list("institutionId", after.id))
                .chain(reports -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ReportRef r : reports) {
                chain = chain.chain(() -> evaluator.applyAndJudge(r));
            }
            return chain.chain(() -> rejudgeRegistration(before, after));
        }).onFailure().invoke(t -> Log.errorf(t, "institution %s: re-evaluation failed", after.id));
    }

    private Uni<Void> rejudgeRegistration(InstitutionRef before, InstitutionRef after) {
        Set<String> divisions = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        for (InstitutionRef r : new InstitutionRef[] {before, after}) {
            if (r == null || r.type == null || r.countyCode == null || !r.countyCode.matches("\\d{6}")) {
                continue;
            }
            divisions.addAll(Divisions.rollUpChain(r.countyCode));
            Engine.applicableIndicators(r.type).forEach(i -> codes.add(i.code()));
        }
        if (divisions.isEmpty() || codes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return keys("r.key.unitId in ?1 and r.key.indicatorCode in ?2", List.copyOf(divisions), List.copyOf(codes))
                .chain(this::rejudge);
    }

    /**
     * Keys of stored results, not the entities: {@link ResultPublisher#record} locks each result as
     * it reads it, which must be its first read in the session.
     */
    static Uni<List<IndicatorResult.Key>> keys(String where, Object... params) {
        return Panache.getSession().chain(s -> {
            var q = s.createSelectionQuery("select r.key from IndicatorResult r where " + where,
                    IndicatorResult.Key.class);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getResultList();
        });
    }

    /** Re-judges stored results (sums unchanged; target, facts or expected units may have moved). */
    Uni<Void> rejudge(List<IndicatorResult.Key> stale) {
        Set<Evaluator.Touch> touched = new TreeSet<>();
        stale.forEach(k -> touched.add(new Evaluator.Touch(k.unitId(), k.indicatorCode(), k.year())));
        return evaluator.judgeAll(touched);
    }
}
