package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.tcmeval.engine.Engine;
import org.tcmeval.engine.Judgement;
import org.tcmeval.engine.Population;
import org.tcmeval.engine.TargetInForce;
import org.tcmeval.evaluation.Counting;
import org.tcmeval.evaluation.EvaluationConfig;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.ReportRef;
import org.tcmeval.evaluation.drill.GapReasons;
import org.tcmeval.evaluation.rest.GapListView;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.targets.ComputationShape;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Reporter;
import org.tcmeval.targets.Target;

/**
 * The units of a division that fall short on one indicator, and why: read in one statement from the
 * stored contributions (which units are counted, and for a compliance rate which fail the rule) and
 * the counted figures of their reports; {@link GapReasons} turns the figures into reasons.
 */
@ApplicationScoped
public class GapService {

    @Inject
    TargetCatalog catalog;

    @Inject
    EvaluationConfig config;

    @WithSession
    public Uni<GapListView> gaps(String division, String indicatorCode, int year, String cursor, int limit,
            Jurisdiction jurisdiction) {
        IndicatorDefinition i = DrillDownService.indicator(division, indicatorCode, jurisdiction);
        String filters = "gaps:" + division + ":" + i.code() + ":" + year;
        GapCursor after = cursor == null ? null : GapCursor.decode(cursor, filters);
        boolean shapeDone = i.shape() == ComputationShape.COMPLIANCE_RATE || i.shape() == ComputationShape.AGGREGATE_RATIO;
        if (!shapeDone || i.reporter() == Reporter.JURISDICTION) {
            throw ProblemException.unprocessable("indicatorCode", "gaps-not-available-for-shape", "gaps are listed for"
                    + " compliance rates and aggregate ratios over institutions or counties; " + i.code() + " is a "
                    + i.shape() + " reported by " + i.reporter());
        }
        return catalog.resolver(year).chain(resolver -> {
            Optional<TargetInForce> inForce = TargetInForce.resolve(resolver, division, i.code());
            Target target = inForce.map(TargetInForce::target).orElse(null);
            // A unit's own ratio is only short of something against a floor; a compliance rate's rule is its own.
            if (i.shape() == ComputationShape.AGGREGATE_RATIO
                    && (target == null || target.comparator() != org.tcmeval.targets.Comparator.AT_LEAST)) {
                throw ProblemException.unprocessable("indicatorCode", "gaps-need-an-at-least-target", "no AT_LEAST"
                        + " target for " + i.code() + " is in force for " + division + " in " + year
                        + ", so no unit's own ratio falls short of one");
            }
            String filterKey = Engine.unitFilter(i, target).key();
            return IndicatorResult.<IndicatorResult>findById(new IndicatorResult.Key(division, i.code(), year))
                    .chain(parent -> shortUnits(division, i, year, filterKey)
                            .map(rows -> view(division, i, year, target, parent, rows, after, limit, filters)));
        });
    }

    private Uni<List<Object[]>> shortUnits(String division, IndicatorDefinition i, int year, String filterKey) {
        // Compliance rates store a failing unit as 0 of 1: only those need their figures read back. The
        // range on divisions is V7's index (a unit's divisions start with its deepest one); the like keeps
        // the exact membership test. Institution ids are compared as uuids so their primary key is used.
        String sql = """
                select c.unit_id, c.numerator, c.denominator, coalesce(i.name, f.name), i.type, i.grade,
                       coalesce(i.county_code, r.county_code), r.status, cast(r.figures as text),
                       cast(r.approved_figures as text), c.registry_population_units
                from unit_contribution c
                left join report_ref r on r.unit_id = c.unit_id and r.year = c.year and r.period = :period
                left join institution_ref i
                    on i.id = case when c.unit_id ~ '^[0-9a-f]{8}-' then cast(c.unit_id as uuid) end
                left join division_fact f on f.code = c.unit_id
                where c.indicator_code = :i and c.year = :y and c.filter_key = :k and c.units = 1
                  and c.divisions collate "C" >= :from and c.divisions collate "C" < :to
                  and (',' || c.divisions || ',') like :d""" + (i.shape() == ComputationShape.COMPLIANCE_RATE
                ? " and c.numerator = 0" : "") + " order by c.unit_id, r.revision";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("i", i.code())
                .setParameter("y", year).setParameter("k", filterKey).setParameter("period", String.valueOf(year))
                .setParameter("d", "%," + division + ",%").setParameter("from", division)
                .setParameter("to", division + ":").getResultList());
    }

    private GapListView view(String division, IndicatorDefinition i, int year, Target target, IndicatorResult parent,
            List<Object[]> rows, GapCursor after, int limit, String filters) {
        Map<String, GapListView.Gap> byUnit = new HashMap<>();
        for (Object[] r : rows) {
            // A county's ratio over residents: its denominator is the residents, the report's or the registry's.
            boolean residents = Population.isDenominatorOf(i);
            String source = !residents ? null : ((Number) r[10]).longValue() > 0
                    ? Judgement.PopulationSource.REGISTRY.name() : Judgement.PopulationSource.REPORTED.name();
            reason(i, r, target).ifPresent(reason -> byUnit.put((String) r[0], new GapListView.Gap((String) r[0],
                    (String) r[3], (String) r[4], (String) r[6], residents ? (BigDecimal) r[2] : null, source,
                    reason.shortfalls().stream()
                            .map(s -> new GapListView.Part(s.field(), s.rule(), s.required(), s.actual(), s.shortfall()))
                            .toList(), reason.distance(), reason.zh(), reason.en())));
        }
        List<GapListView.Gap> all = new ArrayList<>(byUnit.values());
        all.sort(Comparator.comparing(GapListView.Gap::distance).reversed().thenComparing(GapListView.Gap::unitId));
        // Every short unit is read and sorted (the reasons come from the figures, not SQL): a page is a
        // keyset slice of that order, so pages never repeat or skip a unit that keeps its place.
        List<GapListView.Gap> rest = after == null ? all : all.stream().filter(after::isBefore).toList();
        boolean more = rest.size() > limit;
        List<GapListView.Gap> page = more ? rest.subList(0, limit) : rest;
        Long toClose = null;
        String zh = null;
        String en = null;
        if (i.shape() == ComputationShape.COMPLIANCE_RATE && parent != null && parent.numerator != null
                && parent.denominator != null && parent.comparator == org.tcmeval.targets.Comparator.AT_LEAST) {
            OptionalLong n = GapReasons.unitsToClose(parent.numerator.longValue(), parent.denominator.longValue(),
                    parent.threshold);
            if (n.isPresent()) {
                toClose = n.getAsLong();
                zh = GapReasons.closingZh(toClose, parent.threshold);
                en = GapReasons.closingEn(toClose, parent.threshold);
            }
        }
        return new GapListView(division, i.code(), year, i.shape(), i.reporter().name(),
                parent == null ? null : parent.status, parent == null ? null : parent.value,
                parent == null ? null : parent.numerator, parent == null ? null : parent.denominator,
                parent == null ? null : parent.population, parent == null ? null : parent.populationSource,
                target == null ? null : target.comparator(), target == null ? null : target.threshold(),
                parent == null ? null : parent.profileId, toClose, zh, en, all.size(), page,
                more ? GapCursor.after(page.get(page.size() - 1), filters) : null);
    }

    private Optional<GapReasons.Reason> reason(IndicatorDefinition i, Object[] r, Target target) {
        if (i.shape() == ComputationShape.AGGREGATE_RATIO) {
            return GapReasons.ofRatio(i.numeratorField(), i.denominatorField(), (BigDecimal) r[1], (BigDecimal) r[2],
                    target.threshold());
        }
        ReportRef ref = new ReportRef();
        ref.status = (String) r[7];
        ref.figures = (String) r[8];
        ref.approvedFigures = (String) r[9];
        Map<String, BigDecimal> facts = new HashMap<>(Counting.counted(config.counting(), ref).orElse(Map.of()));
        if (r[5] != null) {
            facts.put(HospitalGrade.FACT, BigDecimal.valueOf(HospitalGrade.valueOf((String) r[5]).rank()));   // as judged
        }
        return GapReasons.ofRule(i.perUnitRule(), facts);
    }
}
