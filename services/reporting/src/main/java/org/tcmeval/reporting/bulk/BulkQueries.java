package org.tcmeval.reporting.bulk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tcmeval.events.FiguresJson;
import org.tcmeval.events.Json;
import org.tcmeval.reporting.ReportPeriod;
import org.tcmeval.reporting.bulk.BulkReports.Checked;
import org.tcmeval.reporting.bulk.BulkReports.Existing;
import org.tcmeval.reporting.bulk.BulkReports.Inst;
import org.tcmeval.reporting.service.WindowService;
import org.tcmeval.support.persistence.BulkSql;
import org.tcmeval.support.persistence.SessionSql;
import org.tcmeval.targets.InstitutionType;


/**
 * What the checks of a bulk report job read, a chunk at a time, in one statement each (or one per
 * province and period for windows): the institutions the rows name, the reporting windows and
 * reopenings in force, and the reports the rows would revise.
 */
@ApplicationScoped
class BulkQueries {

    @Inject
    WindowService windows;

    @Inject
    Clock clock;


    private static final String INST_COLUMNS = "select id, type, division_code, opened_on, closed_on, uscc, "
            + "registration_number from institution_ref ";
    private static final String JSON_SET = "(select jsonb_array_elements_text(cast(cast(?1 as text) as jsonb)))";

    Uni<List<Inst>> institutions(Set<String> ids, Set<String> usccs, Set<String> registrations) {
        List<Inst> found = new ArrayList<>();
        return select(INST_COLUMNS + "where id in (select cast(x as uuid) from jsonb_array_elements_text(cast(cast(?1 as text) "
                + "as jsonb)) x)", ids, found)
                .chain(() -> select(INST_COLUMNS + "where uscc in " + JSON_SET, usccs, found))
                .chain(() -> select(INST_COLUMNS + "where registration_number in " + JSON_SET, registrations, found))
                .replaceWith(found);
    }

    Uni<Void> select(String sql, Set<String> values, List<Inst> into) {
        if (values.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Thousands of rows per chunk: on the bare connection (SessionSql), without a native query's per-row cost.
        return SessionSql.select(SessionSql.positional(sql), BulkSql.jsonArray(values)).invoke(rows -> {
                    for (Object[] c : rows) {
                        // The driver's own values (uuid, date): no text to parse again.
                        into.add(new Inst((UUID) c[0], InstitutionType.valueOf((String) c[1]), (String) c[2],
                                (LocalDate) c[3], (LocalDate) c[4], (String) c[5], (String) c[6]));
                    }
                }).replaceWithVoid();
    }

    /** The window in force for each province and period of the checked rows. */
    Uni<Map<String, ReportPeriod.Window>> windowsOf(List<Object> checked) {
        Set<String> keys = new java.util.TreeSet<>();
        for (Object o : checked) {
            if (o instanceof Checked c) {
                keys.add(c.reporter().divisionCode().substring(0, 2) + "|" + c.row().period());
            }
        }
        Map<String, ReportPeriod.Window> out = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String key : keys) {
            String[] p = key.split("\\|");
            chain = chain.chain(() -> windows.windowFor(p[0], p[1]).invoke(w -> out.put(key, w)).replaceWithVoid());
        }
        return chain.replaceWith(out);
    }

    /** Reopenings of the rows whose window is closed today, by reporter and period. */
    Uni<Map<String, LocalDate>> reopenings(List<Object> checked, Map<String, ReportPeriod.Window> open) {
        LocalDate today = LocalDate.now(clock);
        List<Map<String, String>> keys = new ArrayList<>();
        for (Object o : checked) {
            if (o instanceof Checked c && !open.get(c.reporter().divisionCode().substring(0, 2) + "|" + c.row().period())
                    .isOpenOn(today)) {
                keys.add(Map.of("reporter_id", c.reporter().reporterId(), "period", c.row().period()));
            }
        }
        Map<String, LocalDate> out = new HashMap<>();
        if (keys.isEmpty()) {
            return Uni.createFrom().item(out);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("select w.reporter_id, w.period, cast(w.until_on as text) "
                + "from " + BulkSql.ROWS + " as k(reporter_id text, period text) join window_reopening w on "
                + "w.reporter_id = k.reporter_id and w.period = k.period", Object[].class)
                .setParameter(1, BulkSql.json(keys)).getResultList()).map(rows -> {
                    for (Object[] c : rows) {
                        out.put(c[0] + "|" + c[1], LocalDate.parse((String) c[2]));
                    }
                    return out;
                });
    }

    Uni<Map<String, Existing>> existing(List<Checked> passed) {
        Map<String, Existing> out = new HashMap<>();
        if (passed.isEmpty()) {
            return Uni.createFrom().item(out);
        }
        List<Map<String, String>> keys = passed.stream().map(c -> Map.of("reporter_id", c.reporter().reporterId(),
                "period", c.row().period())).toList();
        return Panache.getSession().chain(s -> s.createNativeQuery("select cast(r.id as text), r.reporter_kind, "
                + "r.reporter_id, cast(r.institution_id as text), r.institution_type, r.division_code, r.year, r.period, "
                + "r.status, r.revision, r.current_version, cast(v.figures as text), cast(v.techniques as text), v.status "
                + "from " + BulkSql.ROWS + " as k(reporter_id text, period text) "
                + "join report r on r.reporter_id = k.reporter_id and r.period = k.period "
                + "left join report_version v on v.report_id = r.id and v.version = r.current_version", Object[].class)
                .setParameter(1, BulkSql.json(keys)).getResultList()).map(rows -> {
                    for (Object[] c : rows) {
                        List<String> techniques = c[12] == null ? List.of()
                                : Json.read((String) c[12], new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {
                                });
                        Existing e = new Existing(UUID.fromString((String) c[0]), (String) c[1], (String) c[2],
                                c[3] == null ? null : UUID.fromString((String) c[3]), (String) c[4], (String) c[5],
                                ((Number) c[6]).intValue(), (String) c[7], (String) c[8], ((Number) c[9]).intValue(),
                                ((Number) c[10]).intValue(), c[11] == null ? Map.of() : FiguresJson.read((String) c[11]),
                                techniques, (String) c[13]);
                        out.put(e.reporterId() + "|" + e.period(), e);
                    }
                    return out;
                });
    }
}
