package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry's resident population of divisions, as {@code division-changed} delivered it.
 *
 * <p>A report applied with one population and a population change that misses that report would
 * leave a density computed from a population that is no longer registered. Neither side can see
 * the other's uncommitted rows (a new report, a new population), so they meet on a per-division
 * advisory lock: readers hold it shared until their transaction ends, the projection exclusively.
 * Whichever commits second then sees the first: the report reads the new population, or the
 * projection finds the new report and re-applies it.
 */
@ApplicationScoped
public class DivisionPopulations {

    /**
     * Residents registered for {@code year}, by division code, for the divisions among {@code codes}
     * that have some: one statement for all of them, so a batch of reports costs one read per year.
     * Holds each division's lock shared until the caller's transaction ends (see above); call it
     * before reading anything the population is combined with.
     */
    public Uni<Map<String, Long>> residents(Collection<String> codes, int year) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        // Sorted: two transactions locking several divisions lock them in the same order.
        String list = String.join(",", new TreeSet<>(codes));
        return lock("pg_advisory_xact_lock_shared", list)
                // A separate statement: one that waited for the lock must take a snapshot after it.
                // Zero residents cannot be a denominator; the report's own figure or nothing decides then.
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("select division_code, residents"
                                + " from division_fact_population where year = :y"
                                + " and division_code = any(string_to_array(:codes, ',')) and residents > 0", Object[].class)
                        .setParameter("y", year).setParameter("codes", list).getResultList()))
                .map(rows -> {
                    Map<String, Long> byCode = new HashMap<>();
                    for (Object[] r : rows) {
                        byCode.put((String) r[0], ((Number) r[1]).longValue());
                    }
                    return byCode;
                });
    }

    /** The residents of one division in {@code year}, or {@code null}; see {@link #residents(Collection, int)}. */
    public Uni<Long> residents(String code, int year) {
        return residents(List.of(code), year).map(m -> m.get(code));
    }

    /** Taken by the projection before it reads what it is about to change. */
    Uni<Void> lockForChange(String code) {
        return lock("pg_advisory_xact_lock", code);
    }

    /** The stored population of one division by year. */
    Uni<SortedMap<Integer, Long>> stored(String code) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select year, residents from division_fact_population"
                        + " where division_code = :c", Object[].class).setParameter("c", code).getResultList())
                .map(rows -> {
                    SortedMap<Integer, Long> byYear = new TreeMap<>();
                    for (Object[] r : rows) {
                        byYear.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue());
                    }
                    return byYear;
                });
    }

    /** Replaces the stored population of one division with {@code population} (the event holds every year). */
    Uni<Void> replace(String code, SortedMap<Integer, Long> population) {
        List<Integer> years = new ArrayList<>(population.keySet());
        List<Long> residents = years.stream().map(population::get).toList();
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from division_fact_population"
                        + " where division_code = :c").setParameter("c", code).executeUpdate()
                .chain(n -> years.isEmpty() ? Uni.createFrom().item(0) : s.createNativeQuery(
                                "insert into division_fact_population (division_code, year, residents)"
                                        + " select :c, y, r from unnest(cast(string_to_array(:years, ',') as int[]),"
                                        + " cast(string_to_array(:residents, ',') as bigint[])) as p(y, r)")
                        .setParameter("c", code).setParameter("years", join(years))
                        .setParameter("residents", join(residents)).executeUpdate()))
                .replaceWithVoid();
    }

    private static String join(List<? extends Number> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private static Uni<Void> lock(String function, String codes) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select 1 from (select " + function
                        + "(hashtext('division:' || c)) from unnest(string_to_array(:codes, ',')) c) l", Integer.class)
                .setParameter("codes", codes).getResultList()).replaceWithVoid();
    }
}
