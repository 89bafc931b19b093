package org.tcmeval.registry;

import java.time.LocalDate;

/** Whether an institution operates on a given day; derived from its closing date, never stored. */
public enum InstitutionStatus {
    OPERATING,
    CLOSED;

    /** A closing date in the future is a planned closure: the institution still operates until then. */
    public static InstitutionStatus of(LocalDate closedOn, LocalDate today) {
        return closedOn != null && !closedOn.isAfter(today) ? CLOSED : OPERATING;
    }
}
