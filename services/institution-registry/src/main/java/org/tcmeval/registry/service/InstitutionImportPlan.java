package org.tcmeval.registry.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.tcmeval.registry.FieldChange;
import org.tcmeval.registry.Institution;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.InstitutionIds;
import org.tcmeval.registry.InstitutionRules;
import org.tcmeval.registry.mapping.InstitutionCsv;
import org.tcmeval.registry.rest.RowError;
import org.tcmeval.support.security.Jurisdiction;

/**
 * What an institution import will do, row by row, worked out in plain Java: rules and in-file
 * duplicates first ({@link #screen}), then matching against registered institutions ({@link #of}).
 */
final class InstitutionImportPlan {

    final List<RowError> errors = new ArrayList<>();
    final List<InstitutionEvents.Revision> created = new ArrayList<>();
    final List<InstitutionEvents.Revision> updated = new ArrayList<>();
    int unchanged;

    private InstitutionImportPlan() {
    }

    /**
     * Decides each row against what the database holds: {@code knownDivisions} among the file's
     * codes, {@code found} the institutions sharing an id, USCC or registration number with a row.
     * Matched institutions are changed in place (they are managed; the flush writes them).
     */
    static InstitutionImportPlan of(Screened screened, Set<String> knownDivisions, List<Institution> found,
            Jurisdiction jurisdiction) {
        InstitutionImportPlan plan = new InstitutionImportPlan();
        plan.errors.addAll(screened.errors());
        Map<UUID, Institution> byId = index(found, i -> i.id);
        Map<String, Institution> byUscc = index(found, i -> i.uscc);
        Map<String, Institution> byRegistration = index(found, i -> i.registrationNumber);
        Set<UUID> targeted = new HashSet<>();
        OffsetDateTime now = OffsetDateTime.now();
        for (InstitutionCsv.Row row : screened.rows()) {
            InstitutionDraft d = row.draft();
            int before = plan.errors.size();
            if (!knownDivisions.contains(d.divisionCode())) {
                plan.errors.add(unknownDivision(row.row(), d.divisionCode()));
            }
            Institution target = row.id() == null ? null : byId.get(row.id());
            if (row.id() != null && (target == null || !jurisdiction.covers(target.divisionCode))) {
                plan.errors.add(new RowError(row.row(), "id", "known-institution", "no institution " + row.id()
                        + " in your jurisdiction; leave id empty to register a new one"));
            }
            Institution sameUscc = d.uscc() == null ? null : byUscc.get(d.uscc());
            Institution sameRegistration = d.registrationNumber() == null ? null : byRegistration.get(d.registrationNumber());
            if (row.id() == null) {
                target = sameUscc != null ? sameUscc : sameRegistration;
            }
            if (sameUscc != null && sameUscc != target) {
                plan.errors.add(new RowError(row.row(), "uscc", "duplicate-uscc", "uscc " + d.uscc()
                        + " is registered to another institution"));
            }
            if (sameRegistration != null && sameRegistration != target) {
                plan.errors.add(new RowError(row.row(), "registrationNumber", "duplicate-registration-number",
                        "registrationNumber " + d.registrationNumber() + " is registered to another institution"));
            }
            if (target != null && row.id() == null && !jurisdiction.covers(target.divisionCode)) {
                // Same answer as a single registration gives: the identifier is taken, wherever.
                plan.errors.add(new RowError(row.row(), d.uscc() != null ? "uscc" : "registrationNumber",
                        d.uscc() != null ? "duplicate-uscc" : "duplicate-registration-number",
                        "this identifier is already registered"));
            }
            if (target != null && plan.errors.size() == before && !targeted.add(target.id)) {
                plan.errors.add(new RowError(row.row(), "id", "duplicate-row", "another row of this file already "
                        + "changes institution " + target.id));
            }
            if (plan.errors.size() > before) {
                continue;
            }
            if (target == null) {
                Institution i = new Institution();
                i.id = InstitutionIds.next();
                d.applyTo(i);
                i.createdAt = now;
                i.updatedAt = now;
                plan.created.add(new InstitutionEvents.Revision(i, InstitutionDraft.diff(null, d), true));
            } else {
                List<FieldChange> changes = InstitutionDraft.diff(InstitutionDraft.of(target), d);
                if (changes.isEmpty()) {
                    plan.unchanged++;
                } else {
                    d.applyTo(target);
                    target.updatedAt = now;
                    plan.updated.add(new InstitutionEvents.Revision(target, changes, false));
                }
            }
        }
        return plan;
    }

    /** Rows that passed every check that needs no database. */
    record Screened(List<InstitutionCsv.Row> rows, List<RowError> errors, int rowCount) {
    }

    /** Parses and checks the file without the database. */
    static Screened screen(String csv, Jurisdiction jurisdiction) {
        InstitutionCsv.Parsed parsed = InstitutionCsv.read(csv);
        List<RowError> errors = new ArrayList<>(parsed.errors());
        List<InstitutionCsv.Row> good = new ArrayList<>(parsed.rows().size());
        Map<String, Integer> firstUscc = new HashMap<>();
        Map<String, Integer> firstRegistration = new HashMap<>();
        Map<UUID, Integer> firstId = new HashMap<>();
        for (InstitutionCsv.Row row : parsed.rows()) {
            int before = errors.size();
            InstitutionRules.check(row.draft()).forEach(e -> errors.add(new RowError(row.row(), e.field(), e.rule(), e.message())));
            String code = row.draft().divisionCode();
            if (errors.size() == before && !jurisdiction.covers(code)) {
                errors.add(unknownDivision(row.row(), code));
            }
            if (errors.size() == before) {
                duplicate(firstId, row.id(), row.row(), "id", "duplicate-row", errors);
                duplicate(firstUscc, row.draft().uscc(), row.row(), "uscc", "duplicate-uscc", errors);
                duplicate(firstRegistration, row.draft().registrationNumber(), row.row(), "registrationNumber",
                        "duplicate-registration-number", errors);
            }
            if (errors.size() == before) {
                good.add(row);
            }
        }
        return new Screened(good, errors, parsed.rowCount());
    }

    private static RowError unknownDivision(int row, String code) {
        return new RowError(row, "divisionCode", "known-division", "division " + code
                + " does not exist or is outside your jurisdiction");
    }

    private static <T> void duplicate(Map<T, Integer> first, T value, int row, String field, String rule,
            List<RowError> errors) {
        if (value == null) {
            return;
        }
        Integer earlier = first.putIfAbsent(value, row);
        if (earlier != null) {
            errors.add(new RowError(row, field, rule, field + " " + value + " is also in row " + earlier));
        }
    }

    private static <K> Map<K, Institution> index(List<Institution> found, Function<Institution, K> key) {
        Map<K, Institution> map = new HashMap<>();
        for (Institution i : found) {
            K k = key.apply(i);
            if (k != null) {
                map.put(k, i);
            }
        }
        return map;
    }

}
