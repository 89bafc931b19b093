package org.tcmeval.reporting;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A reporting period (报告期): a year ({@code 2024}) or a quarter ({@code 2024-Q3}). Its default
 * window opens the day after the period ends and closes three months later for a year (the
 * annual statistics are due by the end of March) and one month later for a quarter.
 */
public record ReportPeriod(int year, Integer quarter) {

    public ReportPeriod {
        if (year < 2000 || year > 2099 || (quarter != null && (quarter < 1 || quarter > 4))) {
            throw new IllegalArgumentException("period: not a year 2000-2099 or quarter 1-4");
        }
    }

    /** The period a text names, or empty when it is neither {@code yyyy} nor {@code yyyy-Qn}. */
    public static Optional<ReportPeriod> parse(String text) {
        // By hand rather than a regex: a bulk job parses every row's period three times, and the
        // matchers were a twentieth of the job's allocation.
        if (text == null || (text.length() != 4 && text.length() != 7) || text.charAt(0) != '2' || text.charAt(1) != '0'
                || !digit(text, 2) || !digit(text, 3)) {
            return Optional.empty();
        }
        int year = 2000 + (text.charAt(2) - '0') * 10 + (text.charAt(3) - '0');
        if (text.length() == 4) {
            return Optional.of(new ReportPeriod(year, null));
        }
        char q = text.charAt(6);
        if (text.charAt(4) != '-' || text.charAt(5) != 'Q' || q < '1' || q > '4') {
            return Optional.empty();
        }
        return Optional.of(new ReportPeriod(year, q - '0'));
    }

    private static boolean digit(String text, int at) {
        char c = text.charAt(at);
        return c >= '0' && c <= '9';
    }

    public boolean isAnnual() {
        return quarter == null;
    }

    public LocalDate start() {
        return LocalDate.of(year, isAnnual() ? 1 : (quarter - 1) * 3 + 1, 1);
    }

    /** The last day of the period. */
    public LocalDate end() {
        return start().plusMonths(isAnnual() ? 12 : 3).minusDays(1);
    }

    /** The window a province gets when its admin has set none. */
    public Window defaultWindow() {
        LocalDate opens = end().plusDays(1);
        return new Window(opens, opens.plusMonths(isAnnual() ? 3 : 1).minusDays(1), true);
    }

    @Override
    public String toString() {
        return isAnnual() ? Integer.toString(year) : year + "-Q" + quarter;
    }

    /**
     * The days (inclusive, in the reporters' own time zone) on which reports of a period may be
     * submitted.
     *
     * @param byDefault no province admin has set this window
     */
    public record Window(LocalDate opensOn, LocalDate closesOn, boolean byDefault) {
        public Window {
            if (opensOn == null || closesOn == null || closesOn.isBefore(opensOn)) {
                throw new IllegalArgumentException("closesOn: a window closes on or after the day it opens");
            }
        }

        public boolean isOpenOn(LocalDate day) {
            return !day.isBefore(opensOn) && !day.isAfter(closesOn);
        }
    }
}
