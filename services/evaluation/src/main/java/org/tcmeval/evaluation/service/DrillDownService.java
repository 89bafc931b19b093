package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tcmeval.engine.Divisions;
import org.tcmeval.engine.Engine;
import org.tcmeval.engine.TargetInForce;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.evaluation.Scoring;
import org.tcmeval.evaluation.rest.ChildrenView;
import org.tcmeval.evaluation.rest.ChildrenView.Child;
import org.tcmeval.support.paging.PageCursor;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.targets.ComputationShape;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;

/**
 * One indicator one level down, from what is stored: the children's results (a division's sums are
 * its children's sums, so the rows explain the parent) or a county's unit contributions. Nothing is
 * judged here; a child without a stored result says NOT_COMPUTED, never a status it does not have.
 */
@ApplicationScoped
public class DrillDownService {

    @Inject
    TargetCatalog catalog;

    /** The indicator, or 404: an unknown code is as missing as a division outside the caller's jurisdiction. */
    static IndicatorDefinition indicator(String divisionCode, String indicatorCode, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(divisionCode)) {
            throw ProblemException.notFound("scorecard of division " + divisionCode);
        }
        return Indicators.byCode(indicatorCode).orElseThrow(() -> ProblemException.notFound("indicator " + indicatorCode));
    }

    @WithSession
    public Uni<ChildrenView> children(String division, String indicatorCode, int year, String cursor, int limit,
            Jurisdiction jurisdiction) {
        IndicatorDefinition i = indicator(division, indicatorCode, jurisdiction);
        String filters = "children:" + division + ":" + indicatorCode + ":" + year;
        UUID after = cursor == null ? null : PageCursor.decode(cursor, filters);
        // Read before the rows, in the same session: it may overstate what is pending, never understate it.
        return RollupDeltas.pendingUnder(division, year).chain(pending -> IndicatorResult.<IndicatorResult>findById(
                new IndicatorResult.Key(division, indicatorCode, year)).chain(parent -> {
                    Child own = parent == null ? notStored(division, null) : divisionRow(parent, null);
                    if (!Divisions.isCounty(division)) {
                        int childLength = division.length() + 2;
                        return divisions(division, i, year, childLength).map(rows -> new ChildrenView(division,
                                i.code(), i.nameZh(), i.nameEn(), year, childLength == 4 ? "CITY" : "COUNTY", own,
                                pending, rows, null));
                    }
                    return catalog.resolver(year).chain(resolver -> {
                        String filterKey = Engine.unitFilter(i, TargetInForce.resolve(resolver, division, i.code())
                                .map(TargetInForce::target).orElse(null)).key();
                        return units(division, i, year, filterKey, parent, after, limit).map(rows -> {
                            boolean more = rows.size() > limit;
                            List<Child> page = more ? rows.subList(0, limit) : rows;
                            return new ChildrenView(division, i.code(), i.nameZh(), i.nameEn(), year, "INSTITUTION",
                                    own, pending, page, more ? PageCursor.after(
                                            UUID.fromString(page.get(page.size() - 1).code()), filters).encode() : null);
                        });
                    });
                }));
    }

    /**
     * Every child known: with a stored result, in the registry's divisions, or named by a report's county.
     * Prefixes are byte-order ranges (':' follows the digits) so that indexes serve them with bound
     * parameters: the scope index's pattern operators, and V7's index of report counties.
     */
    private static Uni<List<Child>> divisions(String division, IndicatorDefinition i, int year, int childLength) {
        String sql = """
                select c.code, f.name, r.unit_id from (
                    select unit_id as code from indicator_result where scope = :scope and unit_id ~>=~ :from
                        and unit_id ~<~ :to and year = :y and indicator_code = :i
                    union select code from division_fact where code like :p and length(code) = :l
                    union select substr(county_code, 1, :l) from report_ref where year = :y
                        and county_code collate "C" >= :from and county_code collate "C" < :to) c
                left join indicator_result r on r.unit_id = c.code and r.indicator_code = :i and r.year = :y
                left join division_fact f on f.code = c.code
                order by c.code""";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("i", i.code())
                .setParameter("y", year).setParameter("p", division + "%").setParameter("l", childLength)
                .setParameter("scope", Scoring.scopeOf(division + "0".repeat(childLength - division.length())))
                .setParameter("from", division).setParameter("to", division + ":")
                .getResultList().chain(rows -> {
                    List<String> stored = rows.stream().filter(r -> r[2] != null).map(r -> (String) r[0]).toList();
                    return s.createSelectionQuery("from IndicatorResult r where r.key.indicatorCode = :i and r.key.year = :y"
                            + " and r.key.unitId in :u", IndicatorResult.class).setParameter("i", i.code())
                            .setParameter("y", year).setParameter("u", stored.isEmpty() ? List.of("-") : stored)
                            .getResultList().map(results -> rows.stream().map(r -> results.stream()
                                    .filter(x -> x.key.unitId().equals(r[0])).findFirst()
                                    .map(x -> divisionRow(x, (String) r[1]))
                                    .orElseGet(() -> notStored((String) r[0], (String) r[1]))).toList());
                }));
    }

    /** A county's institutions of the indicator's types with their contribution under the county's filter. */
    private static Uni<List<Child>> units(String county, IndicatorDefinition i, int year, String filterKey,
            IndicatorResult parent, UUID after, int limit) {
        String sql = """
                select i.id, i.name, i.type, c.numerator, c.denominator, c.units, c.excluded, c.missing_facts
                from institution_ref i
                left join unit_contribution c on c.unit_id = cast(i.id as text) and c.indicator_code = :i
                    and c.year = :y and c.filter_key = :k
                where i.county_code = :county and i.type = any(cast(:t as text[])) and i.id > :after
                  and (c.unit_id is not null or ((i.opened_on is null or i.opened_on <= :end)
                       and (i.closed_on is null or i.closed_on >= :start)))
                order by i.id limit :n""";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("i", i.code())
                .setParameter("y", year).setParameter("k", filterKey).setParameter("county", county)
                .setParameter("t", EvaluationService.texts(i.applicableTypes()))
                .setParameter("after", after == null ? new UUID(0, 0) : after)
                .setParameter("start", LocalDate.of(year, 1, 1)).setParameter("end", LocalDate.of(year, 12, 31))
                .setParameter("n", limit + 1).getResultList())
                .map(rows -> rows.stream().map(r -> unitRow(i, r, parent)).toList());
    }

    private static Child unitRow(IndicatorDefinition i, Object[] r, IndicatorResult parent) {
        BigDecimal num = (BigDecimal) r[3];
        BigDecimal den = (BigDecimal) r[4];
        String state = num == null ? "NOT_REPORTED" : ((Number) r[5]).longValue() > 0 ? "COUNTED"
                : ((Number) r[6]).longValue() > 0 ? "EXCLUDED" : "UNDECIDED";
        boolean counted = "COUNTED".equals(state);
        boolean percent = i.shape() == ComputationShape.COMPLIANCE_RATE || i.shape() == ComputationShape.AGGREGATE_RATIO;
        BigDecimal value = counted && percent && den.signum() > 0
                ? num.multiply(BigDecimal.valueOf(100)).divide(den, 4, RoundingMode.HALF_UP).stripTrailingZeros() : null;
        Boolean meets = counted && i.shape() == ComputationShape.COMPLIANCE_RATE ? num.signum() > 0 : null;
        return new Child(r[0].toString(), (String) r[1], (String) r[2], null, state, value, counted ? num : null,
                counted ? den : null, meets, parent == null ? null : parent.comparator,
                parent == null ? null : parent.threshold, parent == null ? null : parent.upper,
                parent == null ? null : parent.profileId, null, null, null, null);
    }

    static Child divisionRow(IndicatorResult r, String name) {
        return new Child(r.key.unitId(), name, null, r.status, null, r.value, r.numerator, r.denominator, null,
                r.comparator, r.threshold, r.upper, r.profileId, r.completeness, r.reason, r.population,
                r.populationSource);
    }

    private static Child notStored(String code, String name) {
        return new Child(code, name, null, ResultStatus.NOT_COMPUTED, null, null, null, null, null, (Comparator) null,
                null, null, null, null, "NOT_STORED: no result is recorded for this division yet", null, null);
    }
}
