package org.tcmeval.registry.mapping;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tcmeval.registry.EthnicMedicine;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.Ownership;
import org.tcmeval.registry.rest.RowError;
import org.tcmeval.support.problem.Rules;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.InstitutionType;

/**
 * Institutions as CSV, one per row, columns named like the API's fields:
 * {@code id,name,type,divisionCode,uscc,registrationNumber,ownership,grade,ethnicMedicine,openedOn,closedOn}.
 * Import needs {@code name,type,divisionCode}; {@code id} is empty for a new institution. Export
 * writes every column.
 */
public final class InstitutionCsv {

    public static final List<String> COLUMNS = List.of("id", "name", "type", "divisionCode", "uscc", "registrationNumber",
            "ownership", "grade", "ethnicMedicine", "openedOn", "closedOn");
    static final Set<String> REQUIRED = Set.of("name", "type", "divisionCode");
    /** Excel rewrites ISO dates as 1998/6/1 when it saves; both forms are read. */
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");

    /** One institution as the file carries it; {@code id} is {@code null} for a new one. */
    public record Line(UUID id, InstitutionDraft draft) {
    }

    public record Row(int row, UUID id, InstitutionDraft draft) {
    }

    /** @param rowCount data rows read, readable or not (blank rows are not counted) */
    public record Parsed(List<Row> rows, List<RowError> errors, int rowCount) {
    }

    private InstitutionCsv() {
    }

    /** Reads every row; a row with an unreadable cell is reported in {@code errors} and left out of {@code rows}. */
    public static Parsed read(String text) {
        CsvText.Table table = CsvText.read(text, REQUIRED, COLUMNS::contains, String.join(", ", COLUMNS));
        List<Row> rows = new ArrayList<>(table.records().size());
        List<RowError> errors = new ArrayList<>(table.errors());
        for (CsvText.Record r : table.records()) {
            Cells c = new Cells(r, errors);
            UUID id = c.uuid("id");
            InstitutionDraft draft = new InstitutionDraft(r.get("name"), c.enumeration("type", InstitutionType.class),
                    r.get("divisionCode"), r.get("uscc"), r.get("registrationNumber"),
                    c.enumeration("ownership", Ownership.class), c.enumeration("grade", HospitalGrade.class),
                    c.enumeration("ethnicMedicine", EthnicMedicine.class), c.date("openedOn"), c.date("closedOn"))
                    .normalized();
            if (!c.failed) {
                rows.add(new Row(r.row(), id, draft));
            }
        }
        return new Parsed(rows, errors, table.records().size() + table.errors().size());
    }

    public static String write(List<Line> lines) {
        List<List<String>> rows = new ArrayList<>(lines.size());
        for (Line l : lines) {
            List<String> row = new ArrayList<>(COLUMNS.size());
            row.add(l.id() == null ? null : l.id().toString());
            row.addAll(l.draft().fields().values());
            rows.add(row);
        }
        return CsvText.write(COLUMNS, rows);
    }

    /** Cell parsing that records what it could not read instead of stopping at the first fault. */
    private static final class Cells {
        private final CsvText.Record record;
        private final List<RowError> errors;
        boolean failed;

        Cells(CsvText.Record record, List<RowError> errors) {
            this.record = record;
            this.errors = errors;
        }

        <E extends Enum<E>> E enumeration(String column, Class<E> type) {
            String v = record.get(column);
            if (v == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                return fail(column, Rules.ONE_OF, column + " '" + v + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            }
        }

        LocalDate date(String column) {
            String v = record.get(column);
            if (v == null) {
                return null;
            }
            try {
                return v.contains("/") ? LocalDate.parse(v, SLASHED) : LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                return fail(column, "date", column + " '" + v + "' is not a date like 1998-06-01");
            }
        }

        UUID uuid(String column) {
            String v = record.get(column);
            if (v == null) {
                return null;
            }
            try {
                return UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                return fail(column, "uuid", column + " '" + v + "' is not an institution id");
            }
        }

        private <T> T fail(String column, String rule, String message) {
            errors.add(new RowError(record.row(), column, rule, message));
            failed = true;
            return null;
        }
    }
}
