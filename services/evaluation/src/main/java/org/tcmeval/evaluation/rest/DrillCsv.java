package org.tcmeval.evaluation.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.tcmeval.support.csv.CsvCells;

/**
 * Drill-down and gap lists as CSV for Excel: RFC 4180, UTF-8 with a BOM so Excel shows the Chinese
 * names, every cell a spreadsheet would run as a formula neutralised (names come from the registry).
 */
public final class DrillCsv {

    public static final String MEDIA_TYPE = "text/csv";

    private DrillCsv() {
    }

    public static String children(ChildrenView v) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("code", "name", "institutionType", "status", "unitState", "value", "numerator", "denominator",
                "meetsRule", "comparator", "threshold", "upper", "profileId", "completeness", "reason", "population",
                "populationSource"));
        for (ChildrenView.Child c : v.items()) {
            rows.add(java.util.Arrays.asList(c.code(), c.name(), c.institutionType(), c.status(), c.unitState(),
                    c.value(), c.numerator(), c.denominator(), c.meetsRule(), c.comparator(), c.threshold(), c.upper(),
                    c.profileId(), c.completeness(), c.reason(), c.population(), c.populationSource()));
        }
        return write(rows);
    }

    public static String gaps(GapListView v) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("unitId", "name", "institutionType", "countyCode", "distance", "reasonZh", "reasonEn",
                "shortfalls", "population", "populationSource"));
        for (GapListView.Gap g : v.items()) {
            String parts = g.shortfalls().stream().map(p -> p.rule() + " (actual " + p.actual() + ", short "
                    + p.shortfall() + ")").collect(Collectors.joining("; "));
            rows.add(java.util.Arrays.asList(g.unitId(), g.name(), g.institutionType(), g.countyCode(), g.distance(),
                    g.reasonZh(), g.reasonEn(), parts, g.population(), g.populationSource()));
        }
        return write(rows);
    }

    static String write(List<List<Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<Object> row : rows) {
            out.append(row.stream().map(DrillCsv::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        String s = CsvCells.neutralise(Objects.toString(value, ""));
        return s.matches("(?s).*[\",\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
