package org.tcmeval.evaluation;

import org.tcmeval.engine.Status;

/**
 * A result's status: the engine's six ({@link Status}) and NOT_COMPUTED, for an indicator that
 * evaluation cannot compute at all (it reads a figure no report form collects) — said as such,
 * never passed off as NO_DATA.
 */
public enum ResultStatus {
    MET, NOT_MET, NOT_APPLICABLE, NO_DATA, INCOMPLETE, NO_TARGET, NOT_COMPUTED;

    public static ResultStatus of(Status s) {
        return valueOf(s.name());
    }
}
