package org.tcmeval.reporting.bulk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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

    /** Items of the techniques cell: {@code ;} or the full-width {@code ；} a Chinese keyboard types. */
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[;；]");

    private final List<String> columns;
    private final Iterator<CSVRecord> records;
    /** Per column: a form figure, or else which of {@link ReportRows#REPORTER_COLUMNS} (-1: neither). */
    private final boolean[] figureColumn;
    private final int[] reporterColumn;
    private final int periodColumn;

    /** Reads and checks the header; a file fault is a 400. */
    CsvRows(String text) {
        try {
            CSVParser parser = CSVParser.parse(new StringReader(text), READ);
            columns = columns(parser.getHeaderNames());
            records = parser.iterator();
            figureColumn = new boolean[columns.size()];
            reporterColumn = new int[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                String c = columns.get(i);
                reporterColumn[i] = ReportRows.REPORTER_COLUMNS.indexOf(c);
                figureColumn[i] = reporterColumn[i] < 0 && !c.equals(ReportRows.PERIOD) && !c.equals(ReportRows.TECHNIQUES);
            }
            periodColumn = columns.indexOf(ReportRows.PERIOD);
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
                for (int i = 0; i < r.size(); i++) {
                    if (!r.get(i).isEmpty()) {
                        return r;
                    }
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            throw syntax(e);
        }
    }

    private JobChunks.Entry row(int row, CSVRecord r) {
        if (r.size() != columns.size()) {
            return RowReader.entry(row, null, List.of(new RowError(row, "*", "column-count", "row has " + r.size()
                    + " values but the header has " + columns.size() + " columns (a shifted or missing separator?)")));
        }
        // Cells are read by their column's index: the demo year's header has ~60 columns, most of them
        // empty on any one row, and a map of every cell per row was a tenth of a bulk job's allocation.
        List<RowError> errors = new ArrayList<>(0);
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        String[] ids = new String[ReportRows.REPORTER_COLUMNS.size()];
        String period = null;
        String techniques = null;
        for (int i = 0; i < figureColumn.length; i++) {
            String v = r.get(i);
            if (figureColumn[i]) {
                if (!v.isEmpty()) {
                    BigDecimal number = ReportRows.number(v);
                    if (number == null) {
                        errors.add(new RowError(row, "figures." + columns.get(i), "number", columns.get(i) + " '"
                                + ReportRows.abbreviate(v) + "' is not a number (a shifted column?)"));
                    } else {
                        figures.put(columns.get(i), number);
                    }
                }
            } else if (reporterColumn[i] >= 0) {
                ids[reporterColumn[i]] = v;
            } else if (i == periodColumn) {
                period = v;
            } else {
                techniques = v;
            }
        }
        if (!errors.isEmpty()) {
            return RowReader.entry(row, null, errors);
        }
        List<String> items = techniques == null || techniques.isBlank() ? List.of()
                : ITEM_SEPARATOR.splitAsStream(techniques).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return RowReader.entry(row, new BulkRow(row, ReportRows.blankToNull(ids[0]), ReportRows.blankToNull(ids[1]),
                ReportRows.blankToNull(ids[2]), ReportRows.blankToNull(ids[3]), ReportRows.blankToNull(period), figures,
                items), errors);
    }

    private static ProblemException syntax(Exception e) {
        String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return ProblemException.invalid("body", "csv-syntax", "the file is not valid CSV: " + why);
    }
}
