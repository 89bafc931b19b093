package org.tcmeval.reporting.technique;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.TechniqueClassChanged;
import org.tcmeval.support.deadletter.DeadLetterHandler;
import org.tcmeval.support.deadletter.DeadLetters;
import org.tcmeval.support.persistence.BulkSql;

/**
 * Keeps {@code technique_ref_class} / {@code technique_ref_item} in step with the catalog's compacted
 * {@code technique-changed} topic: per list (scope) and class, the highest revision wins. Idempotent
 * and order-tolerant: an event not newer than the stored revision changes nothing, so re-delivery and
 * replay from the start leave the same tables. No synchronous call to the catalog, ever. A record that
 * cannot be applied (malformed, against the contract) becomes a dead letter; an outage is waited out.
 */
@ApplicationScoped
public class TechniqueProjection implements DeadLetterHandler {

    /** Stores the class when newer than what is held; 1 row when applied, 0 when not newer. */
    static final String UPSERT_CLASS = """
            insert into technique_ref_class (scope, class_code, revision, name_zh, sort_order, changed_at, applied_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, now())
            on conflict (scope, class_code) do update
               set revision = excluded.revision, name_zh = excluded.name_zh, sort_order = excluded.sort_order,
                   changed_at = excluded.changed_at, applied_at = excluded.applied_at
             where technique_ref_class.revision < excluded.revision""";

    static final String UPSERT_ITEMS = """
            insert into technique_ref_item (scope, item_code, class_code, name_zh, retired, provisional)
            select r.scope, r.code, r.class_code, r.name_zh, r.retired, r.provisional
              from %s as r(scope text, code text, class_code text, name_zh text, retired boolean, provisional boolean)
            on conflict (scope, item_code) do update
               set class_code = excluded.class_code, name_zh = excluded.name_zh, retired = excluded.retired,
                   provisional = excluded.provisional""".formatted(BulkSql.ROWS);

    /** The event is the class's whole state: rows of the class it no longer lists go. */
    static final String DELETE_UNLISTED = """
            delete from technique_ref_item
             where scope = ?2 and class_code = ?3
               and item_code not in (select jsonb_array_elements_text(cast(cast(?1 as text) as jsonb)))""";

    static final String CHANNEL = "technique-changed";

    @Inject
    DeadLetters deadLetters;

    /** Completes once the change has committed (or the record is a stored dead letter): only then is it acknowledged. */
    @Incoming(CHANNEL)
    public Uni<Void> onTechniqueChanged(ConsumerRecord<String, String> record) {
        return deadLetters.guard(record, this);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Uni<Void> handle(String key, String json) {
        TechniqueClassChanged e = EventJson.read(json, TechniqueClassChanged.class).data();
        return Panache.withTransaction(() -> apply(e)).replaceWithVoid();
    }

    /** Applies one event in the caller's transaction; answers whether it was newer than what was held. */
    Uni<Boolean> apply(TechniqueClassChanged e) {
        String scope = e.scope();
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (TechniqueClassChanged.Item i : e.items()) {
            String code = TechniqueItemRule.normalise(i.code());
            if (code == null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scope", scope);
            row.put("code", code);
            row.put("class_code", e.classCode());
            row.put("name_zh", i.nameZh());
            row.put("retired", i.retired());
            row.put("provisional", i.provisional());
            rows.put(code, row);
        }
        List<Map<String, Object>> items = List.copyOf(rows.values());
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery(UPSERT_CLASS).setParameter(1, scope).setParameter(2, e.classCode())
                        .setParameter(3, e.revision()).setParameter(4, e.nameZh()).setParameter(5, e.sortOrder())
                        .setParameter(6, e.changedAt()).executeUpdate())
                .flatMap(applied -> {
                    if (applied == 0) {
                        Log.debugf("technique class %s/%s revision %d is not newer than the one held; ignored", scope,
                                e.classCode(), e.revision());
                        return Uni.createFrom().item(false);
                    }
                    return Panache.getSession()
                            .flatMap(s -> s.createNativeQuery(DELETE_UNLISTED)
                                    .setParameter(1, BulkSql.jsonArray(rows.keySet())).setParameter(2, scope)
                                    .setParameter(3, e.classCode()).executeUpdate())
                            .chain(() -> BulkSql.execute(UPSERT_ITEMS, items, 500))
                            .invoke(n -> Log.debugf("technique class %s/%s now at revision %d, %d items", scope,
                                    e.classCode(), e.revision(), n))
                            .replaceWith(true);
                });
    }
}
