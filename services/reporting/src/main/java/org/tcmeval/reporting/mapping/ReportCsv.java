package org.tcmeval.reporting.mapping;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.support.csv.CsvCells;

/**
 * Worklists as CSV for regional IT teams and Excel: RFC 4180, UTF-8 with a BOM so Excel shows the
 * Chinese names, and every cell that a spreadsheet would run as a formula neutralised.
 */
public final class ReportCsv {

    static final List<String> HEADER = List.of("id", "reporterKind", "reporterId", "institutionType", "divisionCode",
            "period", "status", "version", "revision", "firstSubmittedAt", "updatedAt");

    private ReportCsv() {
    }

    public static String write(List<ReportSubmission> reports) {
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new))
                .get())) {
            for (ReportSubmission r : reports) {
                csv.printRecord(r.id, r.reporterKind, cell(r.reporterId), r.institutionType, cell(r.divisionCode),
                        cell(r.period), r.status, r.currentVersion, r.revision, r.firstSubmittedAt, r.updatedAt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String cell(String value) {
        return CsvCells.neutralise(value);
    }
}
