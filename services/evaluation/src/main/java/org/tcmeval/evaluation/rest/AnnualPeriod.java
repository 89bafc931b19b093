package org.tcmeval.evaluation.rest;

import java.util.regex.Matcher;
import org.tcmeval.support.problem.ProblemException;

/**
 * Which period a result read asks for: evaluation judges years only.
 *
 * <p><b>Decision (issue 8 item 4).</b> Reporting accepts quarterly reports ({@code 2024-Q3}), and
 * domain.md says some figures are reported quarterly, but none of the plans sets a quarterly target:
 * every target in libs/targets is due at the end of a year, and no indicator or report field there is
 * marked quarterly. A quarter's figures are also not a quarter of a year's (a centre's physicians are a
 * stock, its visits a flow), so no annual target can be applied to them. Evaluation therefore keeps
 * quarterly reports at their newest revision but counts them for no indicator
 * ({@link org.tcmeval.evaluation.ReportRef#isAnnual()}), and a request for a quarter is answered 422
 * {@code annual-periods-only} instead of the year's figures or a NO_DATA that would claim the quarter
 * was judged and found empty. When a plan sets a quarterly target, libs/targets must first say which
 * indicators are quarterly; then this is where a quarter would be let through.
 */
public final class AnnualPeriod {

    private static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern.compile("(\\d{4})(-Q([1-4]))?");

    private AnnualPeriod() {
    }

    /**
     * The year asked for by {@code year} and the optional {@code period} within it ({@code 2024} or
     * {@code 2024-Q3}).
     *
     * @throws ProblemException 400 when the period is malformed or names another year; 422
     *                          {@code annual-periods-only} for a quarter
     */
    public static int year(int year, String period) {
        if (period == null) {
            return year;
        }
        Matcher m = PERIOD.matcher(period);
        if (!m.matches()) {
            throw ProblemException.invalid("period", "format", "period must be a year (2024) or a quarter (2024-Q3)");
        }
        if (m.group(2) != null) {
            throw ProblemException.unprocessable("period", "annual-periods-only", "evaluation judges years only:"
                    + " no target is set per quarter, so quarterly reports count for no indicator and " + period
                    + " has no results; ask for the year (period=" + m.group(1) + " or leave period out)");
        }
        if (Integer.parseInt(m.group(1)) != year) {
            throw ProblemException.invalid("period", "matches-year", "period " + period + " is not in the year " + year);
        }
        return year;
    }
}
