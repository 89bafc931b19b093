package org.tcmeval.registry.mapping;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.tcmeval.registry.rest.RowError;
import org.tcmeval.support.csv.CsvCells;
import org.tcmeval.support.problem.ProblemException;

/**
 * The CSV dialect of imports and exports: RFC 4180, UTF-8 (a leading BOM, as Excel writes it, is
 * skipped), a header row naming the columns. File-level faults are answered with a 400 problem;
 * row-level faults are collected so that the caller gets all of them at once.
 */
public final class CsvText {

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true)
            // Blank lines are kept (and skipped below) so that record numbers stay spreadsheet row numbers.
            .setIgnoreEmptyLines(false)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();
    private static final CSVFormat WRITE = CSVFormat.DEFAULT;

    /** A data row: its spreadsheet row number and its cells by column; absent cells are {@code ""}. */
    public record Record(int row, Map<String, String> cells) {
        public String get(String column) {
            String v = cells.get(column);
            return v == null || v.isEmpty() ? null : v;
        }
    }

    public record Table(List<String> columns, List<Record> records, List<RowError> errors) {
    }

    private CsvText() {
    }

    /**
     * @param required columns the header must have
     * @param known    whether a header name is a column of this file type
     */
    public static Table read(String text, Set<String> required, Predicate<String> known, String allowedHint) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), READ)) {
            List<String> columns = parser.getHeaderNames();
            if (columns.isEmpty() || columns.stream().allMatch(String::isEmpty)) {
                throw ProblemException.invalid("header", "required", "the file has no header row; the first row names "
                        + "the columns: " + allowedHint);
            }
            List<String> unknown = columns.stream().filter(c -> !known.test(c)).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid("header", "unknown-column", "unknown column(s) " + unknown
                        + "; the columns are " + allowedHint);
            }
            List<String> missing = required.stream().filter(c -> !columns.contains(c)).sorted().toList();
            if (!missing.isEmpty()) {
                throw ProblemException.invalid("header", "required-column", "missing column(s) " + missing);
            }
            List<Record> records = new ArrayList<>();
            List<RowError> errors = new ArrayList<>();
            for (CSVRecord r : parser) {
                int row = (int) r.getRecordNumber() + 1;
                if (r.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (r.size() != columns.size()) {
                    errors.add(new RowError(row, "*", "column-count", "row has " + r.size() + " values but the header has "
                            + columns.size() + " columns"));
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    cells.put(columns.get(i), CsvCells.restore(r.get(i)));
                }
                records.add(new Record(row, cells));
            }
            return new Table(columns, records, errors);
        } catch (IllegalArgumentException e) {
            String rule = String.valueOf(e.getMessage()).contains("duplicate") ? "duplicate-column" : "column-name";
            throw ProblemException.invalid("header", rule, String.valueOf(e.getMessage()).split("\\. If this")[0]);
        } catch (UncheckedIOException | IOException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw ProblemException.invalid("body", "csv-syntax", "the file is not valid CSV: " + why);
        }
    }

    /**
     * Writes rows with RFC 4180 quoting (only where a cell needs it); a cell a spreadsheet would run
     * as a formula is neutralised, and {@link #read} undoes that, so an export imports unchanged.
     */
    public static String write(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder(64 * (rows.size() + 1));
        try (CSVPrinter printer = new CSVPrinter(sb, WRITE)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(v -> v == null ? "" : CsvCells.neutralise(v)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
