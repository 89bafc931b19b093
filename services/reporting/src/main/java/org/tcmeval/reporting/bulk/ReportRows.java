package org.tcmeval.reporting.bulk;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.tcmeval.support.csv.UploadText;
import org.tcmeval.support.json.StrictJson;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.ProblemType;
import org.tcmeval.support.problem.Rules;
import org.tcmeval.targets.ReportField;

/**
 * Reads the rows of a bulk report upload, JSON or CSV, into {@link BulkRow}s. File-level faults
 * (not UTF-8, not CSV or JSON, an unknown or missing column) are a 400 before the job is accepted;
 * a row that cannot be read (a cell that is not a number, a row with more or fewer cells than the
 * header) becomes that row's errors, so the other rows still count.
 *
 * <p>CSV: UTF-8 with or without BOM, RFC 4180, a header row. Columns are named in English (the
 * API's names: {@code institutionId}, {@code uscc}, {@code registrationNumber}, {@code divisionCode},
 * {@code period}, {@code techniques} and the form's field names) or in Chinese (the forms' terms,
 * e.g. 医师总数, 中医类别医师数, and 机构ID, 统一社会信用代码, 登记号, 行政区划代码, 报告期, 中医药适宜技术).
 * An empty cell is a figure not reported. {@code techniques} lists item codes separated by {@code ;}.
 * Rows are numbered as a spreadsheet shows them (header = 1).
 *
 * <p>JSON: {@code {"reports": [{"institutionId" | "uscc" | "registrationNumber" | "divisionCode": ..,
 * "period": "2024", "figures": {..}, "techniques": [..]}, ..]}}; rows are numbered from 1.
 */
public final class ReportRows {

    public static final String INSTITUTION_ID = "institutionId";
    public static final String USCC = "uscc";
    public static final String REGISTRATION_NUMBER = "registrationNumber";
    public static final String DIVISION_CODE = "divisionCode";
    public static final String PERIOD = "period";
    public static final String TECHNIQUES = "techniques";
    static final List<String> REPORTER_COLUMNS = List.of(INSTITUTION_ID, USCC, REGISTRATION_NUMBER, DIVISION_CODE);

    /** Chinese column names of the identifying columns (as the platform and county spreadsheets name them). */
    private static final Map<String, String> ZH_COLUMNS = Map.ofEntries(
            Map.entry("机构ID", INSTITUTION_ID), Map.entry("机构id", INSTITUTION_ID), Map.entry("机构编号", INSTITUTION_ID),
            Map.entry("统一社会信用代码", USCC), Map.entry("登记号", REGISTRATION_NUMBER),
            Map.entry("登记号码", REGISTRATION_NUMBER), Map.entry("执业许可证登记号", REGISTRATION_NUMBER),
            Map.entry("行政区划代码", DIVISION_CODE), Map.entry("区划代码", DIVISION_CODE),
            Map.entry("报告期", PERIOD), Map.entry("填报期", PERIOD),
            Map.entry("中医药适宜技术", TECHNIQUES), Map.entry("适宜技术", TECHNIQUES));

    /** Every column name a file may use, mapped to the API name. */
    private static final Map<String, String> COLUMNS = columns();

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(false)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();

    /** What a file holds: its readable rows, the errors of unreadable ones, and the data rows counted. */
    public record Parsed(List<BulkRow> rows, List<RowError> errors, int rowCount) {
    }

    public enum Format { CSV, JSON }

    private ReportRows() {
    }

    private static Map<String, String> columns() {
        Map<String, String> m = new HashMap<>(ZH_COLUMNS);
        for (String c : List.of(INSTITUTION_ID, USCC, REGISTRATION_NUMBER, DIVISION_CODE, PERIOD, TECHNIQUES)) {
            m.put(c.toLowerCase(Locale.ROOT), c);
        }
        for (var list : List.of(ReportField.ALL, ReportField.COUNTY_FIGURES, ReportField.JURISDICTION_FIGURES)) {
            for (ReportField f : list) {
                m.put(f.name().toLowerCase(Locale.ROOT), f.name());
                m.putIfAbsent(f.nameZh(), f.name());
            }
        }
        return Map.copyOf(m);
    }

    /** The API name of a header cell, or {@code null} when it names no column. */
    static String column(String header) {
        String h = header.strip();
        String zh = COLUMNS.get(h);
        return zh != null ? zh : COLUMNS.get(h.toLowerCase(Locale.ROOT));
    }

    public static Format format(String contentType) {
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (t.startsWith("text/csv")) {
            return Format.CSV;
        }
        if (t.startsWith("application/json")) {
            return Format.JSON;
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "send the reports as text/csv or application/json", List.of());
    }

    public static Parsed parse(Format format, byte[] body) {
        String text = UploadText.decode(body);
        return format == Format.CSV ? csv(text) : json(text);
    }

    /** Checks the file as a whole (encoding, syntax, header) without keeping its rows. */
    public static int check(Format format, byte[] body) {
        return parse(format, body).rowCount();
    }

    static Parsed csv(String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), READ)) {
            List<String> headers = parser.getHeaderNames();
            if (headers.isEmpty() || headers.stream().allMatch(String::isBlank)) {
                throw ProblemException.invalid("header", "required", "the file has no header row; the first row names "
                        + "the columns, e.g. institutionId,period,physicians,tcmPhysicians");
            }
            List<String> columns = new ArrayList<>(headers.size());
            List<String> unknown = new ArrayList<>();
            for (String h : headers) {
                String c = column(h);
                if (c == null) {
                    unknown.add(h);
                }
                columns.add(c);
            }
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid("header", "unknown-column", "unknown column(s) " + unknown + "; columns are "
                        + "institutionId, uscc, registrationNumber, divisionCode, period, techniques and the form fields "
                        + "(GET /api/v1/forms), in English or as the forms name them in Chinese");
            }
            if (columns.stream().distinct().count() != columns.size()) {
                throw ProblemException.invalid("header", "duplicate-column", "two columns name the same field: " + headers);
            }
            if (!columns.contains(PERIOD)) {
                throw ProblemException.invalid("header", "required-column", "missing column period (报告期)");
            }
            if (columns.stream().noneMatch(REPORTER_COLUMNS::contains)) {
                throw ProblemException.invalid("header", "required-column", "missing a reporter column: one of "
                        + REPORTER_COLUMNS);
            }
            List<BulkRow> rows = new ArrayList<>();
            List<RowError> errors = new ArrayList<>();
            int count = 0;
            for (CSVRecord r : parser) {
                int row = (int) r.getRecordNumber() + 1;
                if (r.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                count++;
                if (r.size() != columns.size()) {
                    errors.add(new RowError(row, "*", "column-count", "row has " + r.size() + " values but the header has "
                            + columns.size() + " columns (a shifted or missing separator?)"));
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    cells.put(columns.get(i), r.get(i));
                }
                BulkRow parsed = fromCells(row, cells, errors);
                if (parsed != null) {
                    rows.add(parsed);
                }
            }
            return new Parsed(rows, errors, count);
        } catch (IllegalArgumentException e) {
            String rule = String.valueOf(e.getMessage()).contains("duplicate") ? "duplicate-column" : "column-name";
            throw ProblemException.invalid("header", rule, String.valueOf(e.getMessage()).split("\\. If this")[0]);
        } catch (UncheckedIOException | IOException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw ProblemException.invalid("body", "csv-syntax", "the file is not valid CSV: " + why);
        }
    }

    private static BulkRow fromCells(int row, Map<String, String> cells, List<RowError> errors) {
        int before = errors.size();
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (var e : cells.entrySet()) {
            String c = e.getKey();
            String v = e.getValue();
            if (REPORTER_COLUMNS.contains(c) || c.equals(PERIOD) || c.equals(TECHNIQUES) || v.isEmpty()) {
                continue;
            }
            BigDecimal number = number(v);
            if (number == null) {
                errors.add(new RowError(row, "figures." + c, "number", c + " '" + abbreviate(v) + "' is not a number"
                        + " (a shifted column?)"));
            } else {
                figures.put(c, number);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        String techniques = cells.get(TECHNIQUES);
        List<String> items = techniques == null || techniques.isBlank() ? List.of()
                : Arrays.stream(techniques.split("[;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new BulkRow(row, blankToNull(cells.get(INSTITUTION_ID)), blankToNull(cells.get(USCC)),
                blankToNull(cells.get(REGISTRATION_NUMBER)), blankToNull(cells.get(DIVISION_CODE)),
                blankToNull(cells.get(PERIOD)), figures, items);
    }

    /** A figure as a spreadsheet writes it: {@code 12}, {@code 12.5}, {@code 1,234} (thousands separators). */
    static BigDecimal number(String v) {
        String s = v.strip();
        if (s.indexOf(',') >= 0 && GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        if (!NUMBER.matcher(s).matches()) {
            return null;
        }
        return new BigDecimal(s);
    }

    private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    static Parsed json(String text) {
        JsonNode root;
        try {
            root = StrictJson.MAPPER.readTree(text);
        } catch (JsonParseException e) {
            throw ProblemException.invalid("body", "json-syntax", "the body is not valid JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw ProblemException.invalid("body", "json-syntax", "the body is not valid JSON: " + e.getMessage());
        }
        JsonNode reports = root == null ? null : root.isArray() ? root : root.get("reports");
        if (reports == null || !reports.isArray()) {
            throw ProblemException.invalid("reports", "required", "the body is {\"reports\": [ ... ]}, one object per report");
        }
        List<BulkRow> rows = new ArrayList<>(reports.size());
        List<RowError> errors = new ArrayList<>();
        int row = 0;
        for (JsonNode item : reports) {
            row++;
            int before = errors.size();
            if (!item.isObject()) {
                errors.add(new RowError(row, "*", Rules.TYPE, "each report is a JSON object"));
                continue;
            }
            Map<String, BigDecimal> figures = new LinkedHashMap<>();
            List<String> techniques = new ArrayList<>();
            var fields = item.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                String name = f.getKey();
                JsonNode v = f.getValue();
                switch (name) {
                    case INSTITUTION_ID, USCC, REGISTRATION_NUMBER, DIVISION_CODE, PERIOD -> {
                        if (!v.isTextual() && !v.isNull()) {
                            errors.add(new RowError(row, name, "text", name + " must be a string"));
                        }
                    }
                    case "figures" -> {
                        if (!v.isObject()) {
                            errors.add(new RowError(row, "figures", Rules.TYPE, "figures is an object of numbers"));
                            break;
                        }
                        var it = v.fields();
                        while (it.hasNext()) {
                            var fig = it.next();
                            if (fig.getValue().isNumber()) {
                                figures.put(fig.getKey(), fig.getValue().decimalValue());
                            } else if (fig.getValue().isNull()) {
                                figures.put(fig.getKey(), null);
                            } else {
                                errors.add(new RowError(row, "figures." + abbreviate(fig.getKey()), "number",
                                        fig.getKey() + " must be a number"));
                            }
                        }
                    }
                    case TECHNIQUES -> {
                        if (!v.isArray()) {
                            errors.add(new RowError(row, TECHNIQUES, "array", "techniques is an array of item codes"));
                            break;
                        }
                        v.forEach(t -> techniques.add(t.asText()));
                    }
                    default -> errors.add(new RowError(row, abbreviate(name), "known-field", "unknown field '"
                            + abbreviate(name) + "'; a report has institutionId, uscc, registrationNumber or divisionCode,"
                            + " period, figures and techniques"));
                }
            }
            if (errors.size() == before) {
                rows.add(new BulkRow(row, text(item, INSTITUTION_ID), text(item, USCC), text(item, REGISTRATION_NUMBER),
                        text(item, DIVISION_CODE), text(item, PERIOD), figures, techniques));
            }
        }
        return new Parsed(rows, errors, row);
    }

    private static String text(JsonNode item, String field) {
        JsonNode v = item.get(field);
        return v == null || v.isNull() ? null : blankToNull(v.asText());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** The columns of a CSV upload, for documentation. */
    public static Set<String> identifyingColumns() {
        return Set.of(INSTITUTION_ID, USCC, REGISTRATION_NUMBER, DIVISION_CODE, PERIOD, TECHNIQUES);
    }
}
