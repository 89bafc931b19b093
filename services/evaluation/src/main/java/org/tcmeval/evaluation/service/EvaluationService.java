package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcmeval.directory.InstitutionListener;
import org.tcmeval.directory.InstitutionRef;
import org.tcmeval.directory.InstitutionRefRepository;
import org.tcmeval.evaluation.Contribution;
import org.tcmeval.evaluation.ReportRef;
import org.tcmeval.evaluation.Scoring;
import org.tcmeval.events.FiguresJson;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.targets.AggregateRatio;
import org.tcmeval.targets.ComputationShape;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;

/**
 * Keeps indicator results current, one report version at a time: each report replaces exactly its
 * institution's previous contribution in the sums of its county, city and province — never a
 * rescan. Stale and repeated versions are ignored, so re-delivery and replay change nothing, and a
 * report that arrives before its institution is applied when the institution arrives.
 */
@ApplicationScoped
public class EvaluationService implements InstitutionListener {

    @Inject
    InstitutionRefRepository institutions;

    @Inject
    RollUp rollUp;

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
        if (!e.isInstitutionReport()) {
            // Division reports feed shapes this service does not compute yet (densities, direct values).
            Log.debugf("division report %s of %s not evaluated yet", e.reportId(), e.reporterId());
            return Uni.createFrom().voidItem();
        }
        UUID reportId = UUID.fromString(e.reportId());
        return Panache.withTransaction(() -> ReportRef.<ReportRef>findById(reportId).flatMap(existing -> {
            if (existing != null && existing.version >= e.version()) {
                Log.debugf("report %s version %d already applied (have %d)", reportId, e.version(), existing.version);
                return Uni.createFrom().voidItem();
            }
            ReportRef ref = existing == null ? new ReportRef() : existing;
            ref.reportId = reportId;
            ref.institutionId = UUID.fromString(e.institutionId());
            ref.period = e.period();
            ref.year = e.year();
            ref.version = e.version();
            ref.figures = FiguresJson.write(e.figures());
            return ref.persist().chain(() -> institutions.findById(ref.institutionId))
                    .chain(inst -> inst == null ? Uni.createFrom().voidItem() : apply(inst, ref));
        }));
    }

    /** A new, moved or re-typed institution: re-apply its reports so its contributions follow it. */
    @Override
    public Uni<Void> changed(InstitutionRef before, InstitutionRef after) {
        return ReportRef.<ReportRef>list("institutionId", after.id).chain(reports -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ReportRef r : reports) {
                chain = chain.chain(() -> apply(after, r));
            }
            return chain;
        });
    }

    private Uni<Void> apply(InstitutionRef inst, ReportRef report) {
        if (!report.isAnnual()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, BigDecimal> figures = FiguresJson.read(report.figures);
        List<IndicatorDefinition> ratios = Indicators.ALL.stream()
                .filter(i -> i.shape() == ComputationShape.AGGREGATE_RATIO).toList();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (IndicatorDefinition indicator : ratios) {
            Optional<AggregateRatio> now = Scoring.contribution(indicator, inst.type, figures);
            chain = chain.chain(() -> replaceContribution(inst, report.year, indicator.code(), now));
        }
        return chain;
    }

    private Uni<Void> replaceContribution(InstitutionRef inst, int year, String indicator, Optional<AggregateRatio> now) {
        Contribution.Key key = new Contribution.Key(inst.id, indicator, year);
        return Contribution.<Contribution>findById(key).chain(old -> {
            if (old == null && now.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> change = rollUp.move(old == null ? null : old.countyCode, old == null ? null : old.ratio(),
                    inst.countyCode, now.orElse(null), indicator, year);
            Uni<?> store;
            if (now.isEmpty()) {
                store = old.delete();
            } else {
                Contribution c = old == null ? new Contribution() : old;
                c.key = key;
                c.countyCode = inst.countyCode;
                c.numerator = BigDecimal.valueOf(now.get().numerator());
                c.denominator = BigDecimal.valueOf(now.get().denominator());
                store = c.persist();
            }
            return change.chain(() -> store)
                    .chain(() -> rollUp.recordInstitution(inst, indicator, year, now.orElse(AggregateRatio.ZERO)));
        });
    }
}
