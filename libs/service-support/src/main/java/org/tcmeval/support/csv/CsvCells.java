package org.tcmeval.support.csv;

/**
 * Cells of every CSV the services export, safe to open in a spreadsheet (OWASP "CSV injection"): a
 * cell a spreadsheet would read as a formula is prefixed with a single quote, which spreadsheets
 * show as text and do not display.
 *
 * <p>A cell that already starts with a quote is prefixed too, so that {@link #restore} is the exact
 * inverse and an exported file imports unchanged.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The cell as exported: {@code "=1+2"} becomes {@code "'=1+2"}; {@code null} stays {@code null}. */
    public static String neutralise(String cell) {
        return cell != null && !cell.isEmpty() && triggers(cell.charAt(0)) ? "'" + cell : cell;
    }

    /** The cell as imported: the inverse of {@link #neutralise}. */
    public static String restore(String cell) {
        return cell != null && cell.length() >= 2 && cell.charAt(0) == '\'' && triggers(cell.charAt(1))
                ? cell.substring(1) : cell;
    }

    private static boolean triggers(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
    }
}
