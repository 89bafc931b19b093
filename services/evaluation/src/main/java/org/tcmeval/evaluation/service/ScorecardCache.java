package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tcmeval.evaluation.rest.ScorecardView;
import org.tcmeval.targets.TargetResolver;

/**
 * Stored scorecards, each kept with a fingerprint of everything it was built from, read again in one
 * indexed statement before it is served: a dashboard asks for the same division far more often
 * than its results change. The fingerprint is read in the same snapshot as the scorecard (see
 * {@link ScorecardService}), so an answer is never kept under a fingerprint it does not match, and it
 * is checked in the database rather than by events, so another instance's writes invalidate it too.
 *
 * <p>What a scorecard is built from: the division's stored results (each row's sequence grows with
 * every change); for indicators without a stored result, judged on reading, also the division's
 * sums, its own reports, the registry's population of the division (a condition reads it where the
 * report has none), and, for institution-reported ones, the registrations below it (their
 * count is the expected units); its deltas not yet folded ({@code pending}: any insert raises their
 * highest seq, any drain lowers their count); and the target profiles, whose resolver is rebuilt on
 * every catalog change (compared by identity, as {@link TargetCatalog} itself caches them).
 */
@ApplicationScoped
public class ScorecardCache {

    /** Divisions times years read; past it the cache starts again (a province has ~130 divisions a year). */
    static final int MAX_ENTRIES = 4_096;

    record Key(String division, int year) {
    }

    record Entry(String fingerprint, boolean registrations, TargetResolver resolver, ScorecardView view) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /** The cached scorecard if nothing it was built from changed since, else empty. */
    Uni<ScorecardView> valid(String division, int year, TargetResolver resolver) {
        Entry e = entries.get(new Key(division, year));
        if (e == null || e.resolver() != resolver) {
            return Uni.createFrom().nullItem();
        }
        return fingerprint(division, year, e.registrations()).map(f -> f.equals(e.fingerprint()) ? e.view() : null);
    }

    void put(String division, int year, String fingerprint, boolean registrations, TargetResolver resolver,
            ScorecardView view) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(new Key(division, year), new Entry(fingerprint, registrations, resolver, view));
    }

    /**
     * One statement over the primary keys of the division's rows. The registrations part, a scan of
     * the institutions below the division, is read only for scorecards that count them.
     */
    static Uni<String> fingerprint(String division, int year, boolean registrations) {
        String sql = """
                select concat_ws('|',
                  (select string_agg(indicator_code || ':' || sequence, ',' order by indicator_code)
                     from indicator_result where unit_id = :d and year = :y),
                  (select md5(string_agg(concat_ws(':', indicator_code, filter_key, numerator, denominator, units,
                                 excluded, missing_facts, registry_population_units), ',' order by indicator_code, filter_key))
                     from division_sums where division_code = :d and year = :y),
                  (select string_agg(concat_ws(':', report_id, revision, version, status, approved_version), ','
                                 order by report_id)
                     from report_ref where unit_id = :d and year = :y),
                  (select max(residents) from division_fact_population where division_code = :d and year = :y),
                  (select count(*) || ':' || coalesce(max(seq), 0) from rollup_delta where division_code = :d and year = :y)"""
                + (registrations ? """
                  ,
                  (select count(*) || ':' || coalesce(sum(hashtextextended(id || ':' || revision || ':' || type || ':'
                                 || county_code || ':' || coalesce(opened_on, '0001-01-01') || ':'
                                 || coalesce(closed_on, '9999-12-31'), 0)), 0)
                     from institution_ref where """ + (division.length() == 6 ? " county_code = cast(:d as char(6)))"
                        : " county_code like :p)") : "") + ")";
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, String.class).setParameter("d", division).setParameter("y", year);
            if (registrations && division.length() != 6) {
                q.setParameter("p", division + "%");
            }
            return q.getSingleResult();
        });
    }
}
