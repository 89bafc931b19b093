package org.tcmeval.registry.mapping;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.Json;
import org.tcmeval.registry.FieldChange;
import org.tcmeval.registry.Institution;
import org.tcmeval.registry.InstitutionChange;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.InstitutionStatus;
import org.tcmeval.registry.rest.InstitutionChangeView;
import org.tcmeval.registry.rest.InstitutionView;

/** Maps the aggregate to its API view, its CSV line, its event and its history entries. */
public final class InstitutionMapper {

    private static final TypeReference<List<Map<String, String>>> CHANGES = new TypeReference<>() {
    };

    private InstitutionMapper() {
    }

    public static InstitutionView toView(Institution i, LocalDate today) {
        return new InstitutionView(i.id, i.name, i.type, i.divisionCode, i.countyCode, i.uscc, i.registrationNumber,
                i.ownership, i.grade, i.ethnicMedicine, i.openedOn, i.closedOn, InstitutionStatus.of(i.closedOn, today),
                i.revision, i.createdAt, i.updatedAt);
    }

    public static InstitutionCsv.Line toLine(Institution i) {
        return new InstitutionCsv.Line(i.id, InstitutionDraft.of(i));
    }

    public static InstitutionChanged toEvent(Institution i) {
        return new InstitutionChanged(i.id.toString(), i.revision, i.name, i.type, i.divisionCode, i.countyCode,
                i.openedOn, i.closedOn, i.uscc, i.registrationNumber, i.ownership == null ? null : i.ownership.name(),
                i.grade, i.ethnicMedicine == null ? null : i.ethnicMedicine.name());
    }

    public static InstitutionChangeView toView(InstitutionChange c) {
        List<InstitutionChangeView.Field> fields = readChanges(c.changes).stream()
                .map(f -> new InstitutionChangeView.Field(f.field(), f.oldValue(), f.newValue())).toList();
        return new InstitutionChangeView(c.revision, c.action, c.source, c.changedBy, c.changedAt, fields);
    }

    /** The stored form of a change list: {@code [{"field": ..., "old": ..., "new": ...}]}. */
    public static String writeChanges(List<FieldChange> changes) {
        List<Map<String, String>> rows = changes.stream().map(c -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("field", c.field());
            m.put("old", c.oldValue());
            m.put("new", c.newValue());
            return m;
        }).toList();
        return Json.write(rows);
    }

    static List<FieldChange> readChanges(String json) {
        return Json.read(json, CHANGES).stream()
                .map(m -> new FieldChange(m.get("field"), m.get("old"), m.get("new"))).toList();
    }
}
