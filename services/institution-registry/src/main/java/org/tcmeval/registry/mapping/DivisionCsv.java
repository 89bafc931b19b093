package org.tcmeval.registry.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tcmeval.registry.DivisionCodes;
import org.tcmeval.registry.DivisionRules;
import org.tcmeval.registry.rest.RowError;

/**
 * The division tree as CSV, one division per row: {@code code,parentCode,level,name,levelLabel} and
 * one {@code population.<year>} column per year. Import needs only {@code code} and {@code name};
 * {@code parentCode} and {@code level}, when present, must agree with the code; a column the file
 * leaves out ({@code levelLabel}, a population year) is left as stored, an empty cell clears it.
 * Export writes every column, so an exported file imports unchanged.
 */
public final class DivisionCsv {

    public static final List<String> FIXED = List.of("code", "parentCode", "level", "name", "levelLabel");
    public static final String POPULATION = "population.";
    static final Set<String> REQUIRED = Set.of("code", "name");
    static final String HINT = "code, parentCode, level, name, levelLabel, population.<year> (e.g. population.2024)";

    /** One division as the file carries it. */
    public record Line(String code, String name, String levelLabel, SortedMap<Integer, Long> population) {
    }

    public record Row(int row, Line line) {
    }

    /**
     * @param codes every well-formed code in the file, faulty rows included, so that the children of
     *              a faulty row are not reported as orphans as well
     */
    public record Parsed(List<Row> rows, List<RowError> errors, Set<String> codes, List<String> columns, int rowCount) {

        /** Whether the file carries this column; a column it leaves out is left as stored. */
        public boolean has(String column) {
            return columns.contains(column);
        }

        /** The population years the file has columns for. */
        public List<Integer> years() {
            return columns.stream().filter(c -> c.startsWith(POPULATION))
                    .map(c -> Integer.valueOf(c.substring(POPULATION.length()))).toList();
        }
    }

    private DivisionCsv() {
    }

    /** Reads every row; a row with an unreadable cell is reported in {@code errors} and left out of {@code rows}. */
    public static Parsed read(String text) {
        CsvText.Table table = CsvText.read(text, REQUIRED, DivisionCsv::known, HINT);
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>(table.errors());
        Set<String> codes = new java.util.HashSet<>();
        for (CsvText.Record r : table.records()) {
            int before = errors.size();
            String code = r.get("code");
            String codeProblem = DivisionCodes.problem(code);
            if (codeProblem == null) {
                String parent = r.get("parentCode");
                if (parent != null && !parent.equals(DivisionCodes.parentOf(code))) {
                    errors.add(new RowError(r.row(), "parentCode", "parent-is-prefix", "parentCode " + parent
                            + " does not match code " + code + "; the parent is the code's prefix "
                            + DivisionCodes.parentOf(code)));
                }
                String level = r.get("level");
                if (level != null && !level.equals(DivisionCodes.level(code).name())) {
                    errors.add(new RowError(r.row(), "level", "level-matches-code", "level " + level + " does not match the "
                            + code.length() + "-digit code " + code + " (" + DivisionCodes.level(code) + ")"));
                }
            }
            SortedMap<Integer, Long> population = new TreeMap<>();
            for (String column : table.columns()) {
                String value = column.startsWith(POPULATION) ? r.get(column) : null;
                if (value == null) {
                    continue;
                }
                int year = Integer.parseInt(column.substring(POPULATION.length()));
                if (!value.matches("\\d{1,12}") || Long.parseLong(value) > DivisionRules.MAX_RESIDENTS) {
                    errors.add(new RowError(r.row(), column, "residents", column + " must be a whole number of residents "
                            + "from 0 to " + DivisionRules.MAX_RESIDENTS + ", digits only, not '" + value + "'"));
                } else {
                    population.put(year, Long.parseLong(value));
                }
            }
            if (codeProblem == null) {
                codes.add(code);
            }
            // Code and name rules are the service's (DivisionRules), applied alike to PUT and import.
            if (errors.size() == before) {
                rows.add(new Row(r.row(), new Line(code, r.get("name"), r.get("levelLabel"), population)));
            }
        }
        return new Parsed(rows, errors, codes, table.columns(), table.records().size() + table.errors().size());
    }

    /** Sorted by code, so that a parent precedes its children and the same tree always gives the same bytes. */
    public static String write(List<Line> lines) {
        SortedSet<Integer> years = new TreeSet<>();
        lines.forEach(l -> years.addAll(l.population().keySet()));
        List<String> header = new ArrayList<>(FIXED);
        years.forEach(y -> header.add(POPULATION + y));
        List<List<String>> rows = new ArrayList<>(lines.size());
        lines.stream().sorted(Comparator.comparing(Line::code)).forEach(l -> {
            List<String> row = new ArrayList<>(header.size());
            row.add(l.code());
            row.add(DivisionCodes.parentOf(l.code()));
            row.add(DivisionCodes.level(l.code()).name());
            row.add(l.name());
            row.add(l.levelLabel());
            years.forEach(y -> row.add(l.population().containsKey(y) ? String.valueOf(l.population().get(y)) : null));
            rows.add(row);
        });
        return CsvText.write(header, rows);
    }

    static boolean known(String column) {
        if (FIXED.contains(column)) {
            return true;
        }
        if (!column.startsWith(POPULATION)) {
            return false;
        }
        String year = column.substring(POPULATION.length());
        return year.matches("\\d{4}") && Integer.parseInt(year) >= DivisionRules.FIRST_YEAR
                && Integer.parseInt(year) <= DivisionRules.LAST_YEAR;
    }
}
