package org.tcmeval.reporting.technique;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tcmeval.events.TechniqueClassChanged;
import org.tcmeval.support.persistence.BulkSql;

/**
 * Checks the technique items (中医药适宜技术) a report lists against the local projection of the
 * catalog's {@code technique-changed} topic ({@link TechniqueProjection}); never calls the catalog.
 *
 * <p>The list in force for a division is its province's official list when that province uploaded
 * one, else the national list (scope {@code 00}).
 *
 * <p>One check is one indexed SQL round trip (the scope choice is a sub-query), in the caller's
 * Hibernate Reactive session and transaction when there is one, else in a session of its own. A
 * list with nothing to look up (empty, all blank, or over {@link TechniqueItemRule#MAX_ITEMS})
 * costs no query.
 */
@ApplicationScoped
public class TechniqueDirectory {

    /** First row: the scope in force (item columns null); then the looked-up items of that list. */
    static final String LOOKUP = """
            with in_force as (
                 select case when exists (select 1 from technique_ref_class c where c.scope = ?1)
                             then cast(?1 as text) else '00' end as scope)
            select cast(null as text), cast(null as text), cast(null as boolean), f.scope from in_force f
            union all
            select i.item_code, i.class_code, i.retired, i.scope
              from technique_ref_item i join in_force f on i.scope = f.scope
             where i.item_code in (select jsonb_array_elements_text(cast(cast(?2 as text) as jsonb)))""";

    /**
     * @param divisionCode the report's division (6-, 9- or 12-digit code; its first two digits name the
     *        province); {@code null} or malformed means the national list
     * @param itemCodes the entries as the reporter sent them, in order ({@code null} = none)
     */
    public Uni<TechniqueCheck> check(String divisionCode, List<String> itemCodes) {
        String province = province(divisionCode);
        List<String> lookups = TechniqueItemRule.lookups(itemCodes);
        if (lookups.isEmpty()) {
            return Uni.createFrom().item(TechniqueItemRule.check(itemCodes, Map.of(), listName(province, null)));
        }
        return listed(province, lookups).map(found -> TechniqueItemRule.check(itemCodes, found.items(),
                listName(province, found.scope())));
    }

    /** One check of {@link #checkAll}: a report's division and its listed item codes. */
    public record Request(String divisionCode, List<String> itemCodes) {
    }

    /**
     * Many checks with one look-up per province instead of one per report, as a bulk job needs:
     * the union of the codes is read once, then each list is judged in memory by the same rule.
     */
    public <K> Uni<Map<K, TechniqueCheck>> checkAll(Map<K, Request> requests) {
        Map<String, Map<K, Request>> byProvince = new HashMap<>();
        requests.forEach((k, r) -> byProvince.computeIfAbsent(province(r.divisionCode()), p -> new HashMap<>()).put(k, r));
        Map<K, TechniqueCheck> checks = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var entry : byProvince.entrySet()) {
            String province = entry.getKey();
            java.util.Set<String> union = new java.util.TreeSet<>();
            entry.getValue().values().forEach(r -> union.addAll(TechniqueItemRule.lookups(r.itemCodes())));
            chain = chain.chain(() -> listed(province, List.copyOf(union)).invoke(found -> entry.getValue().forEach(
                    (k, r) -> checks.put(k, TechniqueItemRule.check(r.itemCodes(), found.items(),
                            listName(province, found.scope()))))).replaceWithVoid());
        }
        return chain.replaceWith(checks);
    }

    private record Found(Map<String, TechniqueItemRule.Listed> items, String scope) {
    }

    private Uni<Found> listed(String province, List<String> lookups) {
        if (lookups.isEmpty()) {
            return Uni.createFrom().item(new Found(Map.of(), null));
        }
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.<Object[]>createNativeQuery(LOOKUP)
                        .setParameter(1, province).setParameter(2, BulkSql.jsonArray(lookups)).getResultList()))
                .map(rows -> {
                    Map<String, TechniqueItemRule.Listed> listed = new HashMap<>();
                    String scope = null;
                    for (Object[] r : rows) {
                        if (r[0] == null) {
                            scope = (String) r[3];
                        } else {
                            listed.put((String) r[0], new TechniqueItemRule.Listed((String) r[1], (Boolean) r[2]));
                        }
                    }
                    return new Found(listed, scope);
                });
    }

    /** The 2-digit province of a division code; {@code 00} (national) when there is none. */
    // Compiled once: a bulk job asks for every report's province (String.matches compiles each time).
    private static final java.util.regex.Pattern DIVISION_CODE = java.util.regex.Pattern.compile("\\d{2,12}");

    static String province(String divisionCode) {
        if (divisionCode == null || !DIVISION_CODE.matcher(divisionCode).matches() || divisionCode.startsWith("00")) {
            return TechniqueClassChanged.NATIONAL;
        }
        return divisionCode.substring(0, 2);
    }

    private static String listName(String province, String scope) {
        if (scope == null) {
            return "the official list of province " + province + ", or else the national list";
        }
        if (!TechniqueClassChanged.NATIONAL.equals(scope)) {
            return "the official list of province " + scope;
        }
        return TechniqueClassChanged.NATIONAL.equals(province) ? "the national list"
                : "the national list; province " + province + " has not uploaded its own";
    }
}
