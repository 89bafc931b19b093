package org.tcmeval.targets;

/**
 * A condition's answer on facts that may be incomplete (Kleene's three-valued logic). A unit or a
 * division that has not reported a figure has not shown the condition fails, so a missing figure is
 * UNKNOWN rather than false; but one known part can settle the whole: a county of 250,000 residents
 * is outside "more than 300,000 residents and a grade-2A+ TCM hospital" whatever its hospitals turn
 * out to be, and one known alternative that holds settles an {@code or}.
 */
public enum Truth {
    TRUE, FALSE, UNKNOWN;

    public static Truth of(boolean holds) {
        return holds ? TRUE : FALSE;
    }

    /** Kleene conjunction: FALSE wins over UNKNOWN, UNKNOWN over TRUE. */
    public Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
    }

    /** Kleene disjunction: TRUE wins over UNKNOWN, UNKNOWN over FALSE. */
    public Truth or(Truth other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
    }
}
