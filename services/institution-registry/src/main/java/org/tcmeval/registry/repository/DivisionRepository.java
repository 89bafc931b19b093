package org.tcmeval.registry.repository;

import org.tcmeval.support.persistence.BulkSql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.tcmeval.registry.Division;

/** Divisions with their population by year, which lives in its own table. */
@ApplicationScoped
public class DivisionRepository implements PanacheRepositoryBase<Division, String> {

    public Uni<Division> findWithPopulation(String code) {
        return findById(code).flatMap(d -> d == null ? Uni.createFrom().nullItem()
                : withPopulation(List.of(d), "division_code = ?1", code).map(list -> list.get(0)));
    }

    public Uni<List<Division>> children(String parent) {
        return find("parentCode = ?1 order by code", parent).list()
                .flatMap(list -> withPopulation(list,
                        "division_code in (select code from division where parent_code = ?1)", parent));
    }

    /** The provinces: the national level's children. */
    public Uni<List<Division>> provinces() {
        return find("parentCode is null order by code").list()
                .flatMap(list -> withPopulation(list, "division_code like ?1", "__"));
    }

    /** {@code root} and everything below it, in code order (a parent before its children). */
    public Uni<List<Division>> subtree(String root) {
        return find("code like ?1 order by code", root + "%").list()
                .flatMap(list -> withPopulation(list, "division_code like ?1", root + "%"));
    }

    /** The divisions among {@code codes} that exist, with their population, by code. */
    public Uni<Map<String, Division>> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String values = BulkSql.jsonArray(codes);
        return Panache.getSession().flatMap(s -> s
                        .createNativeQuery("select * from division where code in " + BulkSql.VALUES, Division.class)
                        .setParameter(1, values).getResultList())
                .flatMap(list -> withPopulation(list, "division_code in " + BulkSql.VALUES, values))
                .map(list -> {
                    Map<String, Division> byCode = new LinkedHashMap<>();
                    list.forEach(d -> byCode.put(d.code, d));
                    return byCode;
                });
    }

    /** The codes among {@code codes} that exist. */
    public Uni<Set<String>> existing(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().flatMap(s -> s
                        .createNativeQuery("select code from division where code in " + BulkSql.VALUES, String.class)
                        .setParameter(1, BulkSql.jsonArray(codes)).getResultList())
                .map(HashSet::new);
    }

    public Uni<Boolean> exists(String code) {
        return count("code", code).map(n -> n > 0);
    }

    /** Replaces the stored population of each division in {@code byCode} (an empty map clears it). */
    public Uni<Integer> replacePopulation(Map<String, SortedMap<Integer, Long>> byCode, int chunkSize) {
        if (byCode.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byCode.forEach((code, population) -> population.forEach((year, residents) -> rows.add(
                Map.of("division_code", code, "year", year, "residents", residents))));
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery("delete from division_population where division_code in " + BulkSql.VALUES)
                        .setParameter(1, BulkSql.jsonArray(byCode.keySet())).executeUpdate())
                .flatMap(ignored -> BulkSql.execute("insert into division_population (division_code, year, residents) "
                        + "select division_code, year, residents from " + BulkSql.ROWS
                        + " as r(division_code text, year int, residents bigint)", rows, chunkSize * 4));
    }

    /** Inserts new divisions; {@code divisions} must list a parent before its children. */
    public Uni<Integer> insertAll(List<Division> divisions, int chunkSize) {
        List<Map<String, Object>> rows = divisions.stream().map(DivisionRepository::row).toList();
        return BulkSql.execute("insert into division (code, parent_code, level, name, level_label, revision, created_at, "
                + "updated_at, updated_by) select code, parent_code, level, name, level_label, 0, at, at, by from "
                + BulkSql.ROWS + " as r(code text, parent_code text, level text, name text, level_label text, "
                + "at timestamptz, by text)", rows, chunkSize);
    }

    private static Map<String, Object> row(Division d) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", d.code);
        m.put("parent_code", d.parentCode);
        m.put("level", d.level.name());
        m.put("name", d.name);
        m.put("level_label", d.levelLabel);
        m.put("at", d.updatedAt.toString());
        m.put("by", d.updatedBy);
        return m;
    }

    private Uni<List<Division>> withPopulation(List<Division> divisions, String where, String parameter) {
        if (divisions.isEmpty()) {
            return Uni.createFrom().item(divisions);
        }
        Map<String, Division> byCode = new HashMap<>();
        divisions.forEach(d -> byCode.put(d.code, d));
        return Panache.getSession().flatMap(s -> s.<Object[]>createNativeQuery(
                        "select division_code, year, residents from division_population where " + where)
                        .setParameter(1, parameter).getResultList())
                .map(rows -> {
                    for (Object[] r : rows) {
                        Division d = byCode.get((String) r[0]);
                        if (d != null) {
                            d.population.put(((Number) r[1]).intValue(), ((Number) r[2]).longValue());
                        }
                    }
                    return divisions;
                });
    }
}
