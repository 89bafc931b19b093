package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tcmeval.targets.InstitutionType;

/**
 * The operating institutions of provinces in a year, counted per county and type, as judging counts
 * expected units. Counting reads every institution of a province (22,000 rows, 40-50 ms), and every
 * poll of a burst did it. The counts change only with a registration, which replaces its provinces'
 * token in {@code registration_version} in its own transaction ({@link #registered}), so they are
 * kept per province and year and used again while the token read under the shared registration lock
 * is the one they were counted under.
 */
@ApplicationScoped
public class OperatingInstitutions {

    /** Counts per county and type, and the registration token they were counted under. */
    private record Counted(String token, Map<String, Map<InstitutionType, Long>> counties) {
    }

    private final Map<String, Counted> counted = new ConcurrentHashMap<>();

    /**
     * Per province, county and type. Takes the provinces' registration lock shared until commit first
     * (see {@link AdvisoryLocks#lockRegistrations}): no registration commits between the token read and a
     * count, so a count is exactly that of its token.
     */
    Uni<Map<String, Map<String, Map<InstitutionType, Long>>>> of(int year, List<String> provinces) {
        return AdvisoryLocks.lockRegistrations(true, provinces).chain(() -> tokens(provinces)).chain(tokens -> {
            Map<String, Map<String, Map<InstitutionType, Long>>> result = new HashMap<>();
            List<String> stale = new ArrayList<>();
            for (String p : provinces) {
                Counted c = counted.get(year + "/" + p);
                if (c != null && c.token().equals(tokens.getOrDefault(p, ""))) {
                    result.put(p, c.counties());
                } else {
                    stale.add(p);
                }
            }
            if (stale.isEmpty()) {
                return Uni.createFrom().item(result);
            }
            return count(year, stale).map(fresh -> {
                for (String p : stale) {
                    Map<String, Map<InstitutionType, Long>> counties = fresh.getOrDefault(p, Map.of());
                    counted.put(year + "/" + p, new Counted(tokens.getOrDefault(p, ""), counties));
                    result.put(p, counties);
                }
                return result;
            });
        });
    }

    /** In a registration's transaction, which holds the provinces' registration lock exclusively. */
    static Uni<Void> registered(Collection<String> provinces) {
        if (provinces.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into registration_version (province, token)"
                        + " select p, gen_random_uuid() from unnest(cast(:p as text[])) p order by p"
                        + " on conflict (province) do update set token = excluded.token")
                .setParameter("p", provinces.toArray(String[]::new)).executeUpdate()).replaceWithVoid();
    }

    private static Uni<Map<String, String>> tokens(List<String> provinces) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select province, cast(token as text)"
                        + " from registration_version where province = any(cast(:p as text[]))", Object[].class)
                .setParameter("p", provinces.toArray(String[]::new)).getResultList()).map(rows -> {
                    Map<String, String> m = new HashMap<>();
                    rows.forEach(r -> m.put((String) r[0], (String) r[1]));
                    return m;
                });
    }

    private static Uni<Map<String, Map<String, Map<InstitutionType, Long>>>> count(int year, List<String> provinces) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select i.countyCode, i.type, count(i)"
                        + " from InstitutionRef i where substring(i.countyCode, 1, 2) in :p and i.type is not null"
                        + " and (i.openedOn is null or i.openedOn <= :end) and (i.closedOn is null or i.closedOn >= :start)"
                        + " group by i.countyCode, i.type", Object[].class).setParameter("p", provinces)
                .setParameter("end", LocalDate.of(year, 12, 31)).setParameter("start", LocalDate.of(year, 1, 1))
                .getResultList()).map(rows -> {
                    Map<String, Map<String, Map<InstitutionType, Long>>> m = new HashMap<>();
                    for (Object[] r : rows) {
                        String county = (String) r[0];
                        m.computeIfAbsent(county.substring(0, 2), p -> new HashMap<>())
                                .computeIfAbsent(county, c -> new EnumMap<>(InstitutionType.class))
                                .put((InstitutionType) r[1], ((Number) r[2]).longValue());
                    }
                    return m;
                });
    }
}
