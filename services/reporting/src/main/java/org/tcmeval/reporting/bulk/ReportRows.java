package org.tcmeval.reporting.bulk;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tcmeval.support.csv.UploadText;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.ProblemType;
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

    /** The rows of an upload, read as they are asked for; a file fault is a 400 (thrown on the way). */
    static RowReader open(Format format, byte[] body) {
        String text = UploadText.decode(body);
        return format == Format.CSV ? new CsvRows(text) : new JsonRows(text);
    }

    /** Checks the file as a whole (encoding, syntax, header) and counts its rows without reading their cells. */
    public static int check(Format format, byte[] body) {
        return open(format, body).count();
    }

    /** A figure as a spreadsheet writes it: {@code 12}, {@code 12.5}, {@code 1,234} (thousands separators). */
    static BigDecimal number(String v) {
        String s = v.strip();
        if (s.indexOf(',') >= 0 && GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        return isPlainNumber(s) ? new BigDecimal(s) : null;
    }

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /**
     * {@code -?[0-9]+(\.[0-9]+)?}, checked by hand: a province's file has ~300,000 figure cells, and a
     * regex matcher per cell was a twentieth of a bulk job's allocation. BigDecimal alone would also
     * take {@code 1e5}, {@code +1} and {@code .5}, which no spreadsheet cell of a count means.
     */
    static boolean isPlainNumber(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        int intStart = i;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == intStart) {
            return false;
        }
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i) != '.' || i + 1 == s.length()) {
            return false;
        }
        for (i++; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String blankToNull(String s) {
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
