package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tcmeval.evaluation.config.SupervisionConfig;
import org.tcmeval.evaluation.rest.SupervisionPlanView;
import org.tcmeval.evaluation.rest.SupervisionPlanView.Chosen;
import org.tcmeval.evaluation.supervision.PickReasons;
import org.tcmeval.evaluation.supervision.SupervisionDraw;
import org.tcmeval.evaluation.supervision.SupervisionDraw.Candidate;
import org.tcmeval.evaluation.supervision.SupervisionDraw.Pick;
import org.tcmeval.evaluation.supervision.UnitKind;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.targets.ComputationShape;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.Reporter;

/**
 * A year's supervision plan of a province or city from what is stored: a division's gaps are its
 * stored results judged NOT_MET, an institution's the per-unit rules its stored contributions fail
 * under the city's sums. {@link SupervisionDraw} chooses; this class only reads and pages.
 */
@ApplicationScoped
public class SupervisionService {

    static final String DIVISION_GAPS = "stored results judged NOT_MET";
    static final String INSTITUTION_GAPS = "per-unit rules of compliance rates failed by the stored contributions";

    @Inject
    SupervisionConfig config;

    /** A unit as read, with what the plan shows besides the draw. */
    record Unit(Candidate candidate, String name, String type, String county) {
    }

    @WithSession
    public Uni<SupervisionPlanView> plan(String division, int year, Long givenSeed, String cursor, int limit,
            Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(division)) {
            throw ProblemException.notFound("supervision plan of division " + division);
        }
        boolean province = division.length() == 2;
        long seed = givenSeed != null ? givenSeed : SupervisionDraw.defaultSeed(division, year);
        String filters = "supervision:" + division + ":" + year + ":" + seed;
        RankCursor after = cursor == null ? null : RankCursor.decode(cursor, filters);
        UnitKind requiredKind = province ? UnitKind.CITY : UnitKind.COUNTY;
        UnitKind drawnKind = province ? UnitKind.COUNTY : UnitKind.INSTITUTION;
        BigDecimal requiredShare = province ? config.province().citiesShare() : config.city().countiesShare();
        BigDecimal drawnShare = province ? config.province().countiesShare() : config.city().institutionsShare();
        return divisions(division, year, division.length() + 2).chain(required -> (province
                ? divisions(division, year, 6) : institutions(division, year)).chain(drawn -> name(division).map(name -> {
                    SupervisionPlanView.Tier req = tier(requiredKind, requiredShare, required, seed, null, Integer.MAX_VALUE,
                            filters);
                    SupervisionPlanView.Tier sampled = tier(drawnKind, drawnShare, drawn, seed, after, limit, filters);
                    return new SupervisionPlanView(division, name, province ? "PROVINCE" : "CITY", year, seed,
                            givenSeed != null ? "GIVEN" : "DEFAULT", req, sampled);
                })));
    }

    private static SupervisionPlanView.Tier tier(UnitKind kind, BigDecimal share, List<Unit> units, long seed,
            RankCursor after, int limit, String filters) {
        Map<String, Unit> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.candidate().id(), u));
        SupervisionDraw.Draw d = SupervisionDraw.draw(units.stream().map(Unit::candidate).toList(), share, seed);
        List<Pick> rest = after == null ? d.chosen() : d.chosen().stream().filter(p -> after.isBefore(p, d)).toList();
        boolean more = rest.size() > limit;
        List<Pick> page = more ? rest.subList(0, limit) : rest;
        List<Chosen> items = page.stream().map(p -> {
            Unit u = byId.get(p.candidate().id());
            return new Chosen(p.rank(), p.candidate().id(), u.name(), kind, u.type(), u.county(), p.reason(),
                    p.candidate().gaps(), p.candidate().judged(), p.drawHex(), p.tieBrokenByDraw(),
                    PickReasons.zh(p, kind, seed), PickReasons.en(p, kind, seed));
        }).toList();
        return new SupervisionPlanView.Tier(kind, share, d.candidates(), d.quota(), d.worstGapPlaces(), d.drawnPlaces(),
                kind == UnitKind.INSTITUTION ? INSTITUTION_GAPS : DIVISION_GAPS, items,
                more ? RankCursor.after(page.get(page.size() - 1), filters) : null);
    }

    /** Every division of one level under {@code parent} known in the year, with its NOT_MET stored results. */
    private static Uni<List<Unit>> divisions(String parent, int year, int length) {
        String sql = """
                select c.code, f.name, coalesce(g.not_met, 0), coalesce(g.judged, 0) from (
                    select unit_id as code from indicator_result where year = :y and unit_id like :p and length(unit_id) = :l
                    union select code from division_fact where code like :p and length(code) = :l
                    union select substr(county_code, 1, :l) from report_ref where year = :y and county_code like :p
                    union select substr(county_code, 1, :l) from institution_ref where county_code like :p
                        and (opened_on is null or opened_on <= :end) and (closed_on is null or closed_on >= :start)) c
                left join division_fact f on f.code = c.code
                left join (select unit_id, count(*) filter (where status = 'NOT_MET') as not_met,
                                  count(*) filter (where status in ('MET', 'NOT_MET')) as judged
                           from indicator_result where year = :y and unit_id like :p and length(unit_id) = :l
                           group by unit_id) g on g.unit_id = c.code
                where length(c.code) = :l
                order by c.code""";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("y", year)
                .setParameter("p", parent + "%").setParameter("l", length)
                .setParameter("start", LocalDate.of(year, 1, 1)).setParameter("end", LocalDate.of(year, 12, 31))
                .getResultList()).map(rows -> rows.stream().map(r -> new Unit(new Candidate((String) r[0],
                ((Number) r[2]).intValue(), ((Number) r[3]).intValue()), (String) r[1], null, null)).toList());
    }

    /** The city's grassroots institutions operating in the year, with the per-unit rules they fail in the city's sums. */
    private Uni<List<Unit>> institutions(String city, int year) {
        String sql = """
                select cast(i.id as text), i.name, i.type, i.county_code, coalesce(g.fails, 0), coalesce(g.judged, 0)
                from institution_ref i
                left join lateral (
                    select count(distinct c.indicator_code) filter (where c.numerator = 0) as fails,
                           count(distinct c.indicator_code) as judged
                    from unit_contribution c
                    where c.unit_id = cast(i.id as text) and c.year = :y and c.units = 1
                      and c.indicator_code = any(cast(:codes as text[])) and (',' || c.divisions || ',') like :d) g on true
                where i.county_code like :p and i.type = any(cast(:t as text[]))
                  and (i.opened_on is null or i.opened_on <= :end) and (i.closed_on is null or i.closed_on >= :start)""";
        // A compliance rate stores a counted unit as 1 of 1 when it meets the rule and 0 of 1 when it fails it.
        String[] codes = Indicators.ALL.stream().filter(i -> i.shape() == ComputationShape.COMPLIANCE_RATE
                && i.reporter() == Reporter.INSTITUTION).map(i -> i.code()).toArray(String[]::new);
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("y", year)
                .setParameter("codes", codes).setParameter("d", "%," + city + ",%").setParameter("p", city + "%")
                .setParameter("t", EvaluationService.texts(config.city().institutionTypes()))
                .setParameter("start", LocalDate.of(year, 1, 1)).setParameter("end", LocalDate.of(year, 12, 31))
                .getResultList()).map(rows -> rows.stream().map(r -> new Unit(new Candidate((String) r[0],
                ((Number) r[4]).intValue(), ((Number) r[5]).intValue()), (String) r[1], (String) r[2], (String) r[3]))
                .toList());
    }

    private static Uni<String> name(String division) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select name from division_fact where code = :c",
                String.class).setParameter("c", division).getResultList()).map(l -> l.isEmpty() ? null : l.get(0));
    }
}
