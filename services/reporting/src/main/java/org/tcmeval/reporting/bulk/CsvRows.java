package org.tcmeval.reporting.bulk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.tcmeval.support.problem.ProblemException;

/** The rows of a CSV upload ({@link ReportRows} describes the format), read as they are asked for. */
final class CsvRows extends RowReader {

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(false)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();

    private final List<String> columns;
    private final Iterator<CSVRecord> records;

    /** Reads and checks the header; a file fault is a 400. */
    CsvRows(String text) {
        try {
            CSVParser parser = CSVParser.parse(new StringReader(text), READ);
            columns = columns(parser.getHeaderNames());
            records = parser.iterator();
        } catch (IllegalArgumentException e) {
            String rule = String.valueOf(e.getMessage()).contains("duplicate") ? "duplicate-column" : "column-name";
            throw ProblemException.invalid("header", rule, String.valueOf(e.getMessage()).split("\\. If this")[0]);
        } catch (UncheckedIOException | IOException e) {
            throw syntax(e);
        }
    }

    private static List<String> columns(List<String> headers) {
        if (headers.isEmpty() || headers.stream().allMatch(String::isBlank)) {
            throw ProblemException.invalid("header", "required", "the file has no header row; the first row names "
                    + "the columns, e.g. institutionId,period,physicians,tcmPhysicians");
        }
        List<String> columns = new ArrayList<>(headers.size());
        List<String> unknown = new ArrayList<>();
        for (String h : headers) {
            String c = ReportRows.column(h);
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
        if (!columns.contains(ReportRows.PERIOD)) {
            throw ProblemException.invalid("header", "required-column", "missing column period (报告期)");
        }
        if (columns.stream().noneMatch(ReportRows.REPORTER_COLUMNS::contains)) {
            throw ProblemException.invalid("header", "required-column", "missing a reporter column: one of "
                    + ReportRows.REPORTER_COLUMNS);
        }
        return columns;
    }

    @Override
    protected JobChunks.Entry read() {
        CSVRecord r = nextRecord();
        return r == null ? null : row((int) r.getRecordNumber() + 1, r);
    }

    @Override
    protected boolean skip() {
        return nextRecord() != null;
    }

    /** The next record that is not an empty line, or {@code null} after the last. */
    private CSVRecord nextRecord() {
        try {
            while (records.hasNext()) {
                CSVRecord r = records.next();
                if (!r.stream().allMatch(String::isEmpty)) {
                    return r;
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            throw syntax(e);
        }
    }

    private JobChunks.Entry row(int row, CSVRecord r) {
        List<RowError> errors = new ArrayList<>();
        if (r.size() != columns.size()) {
            errors.add(new RowError(row, "*", "column-count", "row has " + r.size() + " values but the header has "
                    + columns.size() + " columns (a shifted or missing separator?)"));
            return RowReader.entry(row, null, errors);
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            cells.put(columns.get(i), r.get(i));
        }
        return RowReader.entry(row, fromCells(row, cells, errors), errors);
    }

    private static BulkRow fromCells(int row, Map<String, String> cells, List<RowError> errors) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (var e : cells.entrySet()) {
            String c = e.getKey();
            String v = e.getValue();
            if (ReportRows.REPORTER_COLUMNS.contains(c) || c.equals(ReportRows.PERIOD) || c.equals(ReportRows.TECHNIQUES)
                    || v.isEmpty()) {
                continue;
            }
            BigDecimal number = ReportRows.number(v);
            if (number == null) {
                errors.add(new RowError(row, "figures." + c, "number", c + " '" + ReportRows.abbreviate(v)
                        + "' is not a number (a shifted column?)"));
            } else {
                figures.put(c, number);
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        String techniques = cells.get(ReportRows.TECHNIQUES);
        List<String> items = techniques == null || techniques.isBlank() ? List.of()
                : Arrays.stream(techniques.split("[;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new BulkRow(row, ReportRows.blankToNull(cells.get(ReportRows.INSTITUTION_ID)),
                ReportRows.blankToNull(cells.get(ReportRows.USCC)),
                ReportRows.blankToNull(cells.get(ReportRows.REGISTRATION_NUMBER)),
                ReportRows.blankToNull(cells.get(ReportRows.DIVISION_CODE)),
                ReportRows.blankToNull(cells.get(ReportRows.PERIOD)), figures, items);
    }

    private static ProblemException syntax(Exception e) {
        String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return ProblemException.invalid("body", "csv-syntax", "the file is not valid CSV: " + why);
    }
}
