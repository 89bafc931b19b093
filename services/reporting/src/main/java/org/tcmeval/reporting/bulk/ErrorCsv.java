package org.tcmeval.reporting.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A job's row errors as CSV for Excel: UTF-8 with a BOM (so Excel shows Chinese), RFC 4180, and
 * every cell that a spreadsheet would take for a formula ({@code = + - @}, tab, carriage return
 * first) prefixed with a single quote (OWASP "CSV injection").
 */
public final class ErrorCsv {

    public static final List<String> HEADER = List.of("row", "field", "rule", "message");

    private ErrorCsv() {
    }

    public static String write(List<RowError> errors) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.DEFAULT)) {
            p.printRecord(HEADER);
            for (RowError e : errors) {
                p.printRecord(Integer.toString(e.row()), cell(e.field()), cell(e.rule()), cell(e.message()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** Neutralises a cell that would start a formula. */
    public static String cell(String v) {
        if (v == null || v.isEmpty()) {
            return "";
        }
        char c = v.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + v : v;
    }
}
