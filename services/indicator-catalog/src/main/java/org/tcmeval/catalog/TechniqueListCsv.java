package org.tcmeval.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.tcmeval.catalog.TechniqueRules.ClassDraft;
import org.tcmeval.catalog.TechniqueRules.ItemDraft;
import org.tcmeval.support.csv.UploadText;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.ProblemType;
import org.tcmeval.support.problem.Rules;

/**
 * A province's official technique list as CSV (the registry's dialect: RFC 4180, UTF-8 with or
 * without BOM, a header row). One row per item: {@code classCode,classNameZh,itemCode,itemNameZh}
 * required, {@code classNameEn,itemNameEn} optional. Classes come in the order they first appear,
 * items in file order. Plain Java: file-level faults are a 400, row faults are collected and
 * refused together (422, nothing stored).
 */
public final class TechniqueListCsv {

    public static final String CLASS_CODE = "classCode";
    public static final String CLASS_NAME_ZH = "classNameZh";
    public static final String CLASS_NAME_EN = "classNameEn";
    public static final String ITEM_CODE = "itemCode";
    public static final String ITEM_NAME_ZH = "itemNameZh";
    public static final String ITEM_NAME_EN = "itemNameEn";
    static final List<String> REQUIRED = List.of(CLASS_CODE, CLASS_NAME_ZH, ITEM_CODE, ITEM_NAME_ZH);
    static final Set<String> KNOWN = Set.of(CLASS_CODE, CLASS_NAME_ZH, CLASS_NAME_EN, ITEM_CODE, ITEM_NAME_ZH,
            ITEM_NAME_EN);
    /** Far above any province's list (a few hundred items); a bigger file is not a technique list. */
    public static final int MAX_ROWS = 5000;
    /** Errors listed in the problem; the detail counts all of them. */
    static final int MAX_LISTED_ERRORS = 100;

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true)
            .setIgnoreEmptyLines(false)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    /** One broken rule in one row; {@code row} as a spreadsheet numbers it (header = 1). */
    public record RowError(int row, String field, String rule, String message) {
    }

    /** A data row, codes upper-cased. */
    public record Row(int row, String classCode, String classNameZh, String classNameEn, String itemCode,
            String itemNameZh, String itemNameEn) {
    }

    /** The list read from a file: its classes in order, by code; every row; the rows' faults. */
    public record Parsed(Map<String, ClassDraft> classes, List<Row> rows, List<RowError> errors, int rowCount) {

        public int items() {
            return classes.values().stream().mapToInt(c -> c.items().size()).sum();
        }
    }

    private TechniqueListCsv() {
    }

    /**
     * @param source the official document the whole list comes from; every item carries it and is not provisional
     */
    public static Parsed parse(byte[] body, String source) {
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = read(UploadText.decode(body), errors);
        Map<String, String> classNames = new HashMap<>();
        Map<String, Integer> itemRows = new HashMap<>();
        Map<String, String> classNamesEn = new HashMap<>();
        Map<String, List<ItemDraft>> items = new LinkedHashMap<>();
        for (Row r : rows) {
            int before = errors.size();
            required(r, CLASS_CODE, r.classCode(), errors);
            required(r, CLASS_NAME_ZH, r.classNameZh(), errors);
            required(r, ITEM_CODE, r.itemCode(), errors);
            required(r, ITEM_NAME_ZH, r.itemNameZh(), errors);
            length(r, CLASS_NAME_ZH, r.classNameZh(), 100, errors);
            length(r, CLASS_NAME_EN, r.classNameEn(), 200, errors);
            length(r, ITEM_NAME_ZH, r.itemNameZh(), 100, errors);
            length(r, ITEM_NAME_EN, r.itemNameEn(), 200, errors);
            if (r.classCode() != null && !TechniqueRules.isCode(r.classCode())) {
                errors.add(new RowError(r.row(), CLASS_CODE, "code-format", "class code '" + r.classCode()
                        + "' must be UPPER_SNAKE_CASE starting with a letter, e.g. ACUPUNCTURE"));
            }
            if (r.itemCode() != null && !TechniqueRules.isCode(r.itemCode())) {
                errors.add(new RowError(r.row(), ITEM_CODE, "code-format", "item code '" + r.itemCode()
                        + "' must be UPPER_SNAKE_CASE starting with a letter, e.g. GX_ZC_01"));
            }
            if (r.classCode() != null && r.classNameZh() != null) {
                String name = classNames.putIfAbsent(r.classCode(), r.classNameZh());
                if (name != null && !name.equals(r.classNameZh())) {
                    errors.add(new RowError(r.row(), CLASS_NAME_ZH, "same-class-name", "class " + r.classCode()
                            + " is named '" + name + "' in an earlier row, not '" + r.classNameZh() + "'"));
                }
            }
            if (r.classCode() != null && r.classNameEn() != null) {
                String name = classNamesEn.putIfAbsent(r.classCode(), r.classNameEn());
                if (name != null && !name.equals(r.classNameEn())) {
                    errors.add(new RowError(r.row(), CLASS_NAME_EN, "same-class-name", "class " + r.classCode()
                            + " is named '" + name + "' in an earlier row, not '" + r.classNameEn() + "'"));
                }
            }
            if (r.itemCode() != null) {
                Integer earlier = itemRows.putIfAbsent(r.itemCode(), r.row());
                if (earlier != null) {
                    errors.add(new RowError(r.row(), ITEM_CODE, "unique-in-list", "item " + r.itemCode()
                            + " is already listed in row " + earlier + "; an item belongs to one class"));
                }
            }
            if (errors.size() == before) {
                items.computeIfAbsent(r.classCode(), c -> new ArrayList<>())
                        .add(new ItemDraft(r.itemCode(), r.itemNameZh(), r.itemNameEn(), false, source));
            }
        }
        Map<String, ClassDraft> classes = new LinkedHashMap<>();
        int order = 0;
        for (var e : items.entrySet()) {
            classes.put(e.getKey(), new ClassDraft(classNames.get(e.getKey()), classNamesEn.get(e.getKey()), ++order,
                    List.copyOf(e.getValue())));
        }
        int incomplete = (int) errors.stream().filter(e -> e.rule().equals("column-count")).count();
        return new Parsed(classes, rows, errors, rows.size() + incomplete);
    }

    /**
     * Rows whose item the list already holds under another class: item codes never move within a
     * list, since reports cite them.
     *
     * @param classOfItem class of every item code the list holds, retired ones included
     */
    public static List<RowError> moved(List<Row> rows, Map<String, String> classOfItem) {
        List<RowError> errors = new ArrayList<>();
        for (Row r : rows) {
            String was = r.itemCode() == null ? null : classOfItem.get(r.itemCode());
            if (was != null && r.classCode() != null && !was.equals(r.classCode())) {
                errors.add(new RowError(r.row(), ITEM_CODE, "item-of-another-class", "item " + r.itemCode()
                        + " belongs to class " + was + " in this list; item codes never move, since reports cite them"));
            }
        }
        return errors;
    }

    /** 422 naming row and column of each fault as {@code rows[<row>].<column>}; nothing was stored. */
    public static ProblemException rejected(List<RowError> errors, int rowCount) {
        List<FieldError> fields = errors.stream()
                .sorted(java.util.Comparator.comparingInt(RowError::row)).limit(MAX_LISTED_ERRORS)
                .map(e -> new FieldError("rows[" + e.row() + "]." + e.field(), e.rule(), "row " + e.row() + ": "
                        + e.message()))
                .toList();
        long bad = errors.stream().mapToInt(RowError::row).distinct().count();
        String detail = bad + " of " + rowCount + " rows break rules (" + errors.size() + " errors"
                + (errors.size() > fields.size() ? ", the first " + fields.size() + " listed" : "")
                + "); nothing was stored";
        return new ProblemException(ProblemType.IMPORT_REJECTED, detail, fields);
    }

    /** The complete rows; a row with the wrong number of cells is an error in {@code errors} instead. */
    static List<Row> read(String text, List<RowError> errors) {
        String allowed = "classCode,classNameZh,itemCode,itemNameZh (required), classNameEn,itemNameEn (optional)";
        try (CSVParser parser = CSVParser.parse(new StringReader(text), READ)) {
            List<String> columns = parser.getHeaderNames();
            if (columns.isEmpty() || columns.stream().allMatch(String::isEmpty)) {
                throw ProblemException.invalid("header", "required", "the file has no header row; the first row "
                        + "names the columns: " + allowed);
            }
            List<String> unknown = columns.stream().filter(c -> !KNOWN.contains(c)).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid("header", "unknown-column", "unknown column(s) " + unknown
                        + "; the columns are " + allowed);
            }
            List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw ProblemException.invalid("header", "required-column", "missing column(s) " + missing);
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                if (r.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (rows.size() + errors.size() == MAX_ROWS) {
                    throw ProblemException.invalid("body", "max-rows", "a technique list has at most " + MAX_ROWS
                            + " rows");
                }
                int row = (int) r.getRecordNumber() + 1;
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < columns.size() && i < r.size(); i++) {
                    cells.put(columns.get(i), r.get(i).isEmpty() ? null : r.get(i));
                }
                if (r.size() != columns.size()) {
                    errors.add(new RowError(row, "*", "column-count", "row has " + r.size() + " values but the header "
                            + "has " + columns.size() + " columns"));
                    continue;
                }
                rows.add(new Row(row, upper(cells.get(CLASS_CODE)), cells.get(CLASS_NAME_ZH), cells.get(CLASS_NAME_EN),
                        upper(cells.get(ITEM_CODE)), cells.get(ITEM_NAME_ZH), cells.get(ITEM_NAME_EN)));
            }
            if (rows.isEmpty() && errors.isEmpty()) {
                throw ProblemException.invalid("body", "required", "the file lists no items; a province's list has "
                        + "at least one (to withdraw items, upload the list without them)");
            }
            return rows;
        } catch (IllegalArgumentException e) {
            String rule = String.valueOf(e.getMessage()).contains("duplicate") ? "duplicate-column" : "column-name";
            throw ProblemException.invalid("header", rule, String.valueOf(e.getMessage()).split("\\. If this")[0]);
        } catch (UncheckedIOException | IOException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw ProblemException.invalid("body", "csv-syntax", "the file is not valid CSV: " + why);
        }
    }

    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    private static void required(Row r, String column, String value, List<RowError> errors) {
        if (value == null) {
            errors.add(new RowError(r.row(), column, "required", column + " is empty"));
        }
    }

    private static void length(Row r, String column, String value, int max, List<RowError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new RowError(r.row(), column, Rules.LENGTH, column + " is longer than " + max + " characters"));
        }
    }
}
