package org.tcmeval.reporting.bulk;

import java.util.ArrayList;
import java.util.List;

/** What a job's chunks came to so far: counts of outcomes and the row errors. */
final class Tally {

    final List<RowError> errors = new ArrayList<>();
    int created;
    int revised;
    int unchanged;

    void count(List<BulkReports.Outcome> outcomes) {
        for (BulkReports.Outcome o : outcomes) {
            switch (o) {
                case BulkReports.Create c -> created++;
                case BulkReports.Revise r -> revised++;
                case BulkReports.Unchanged u -> unchanged++;
                case BulkReports.Refused r -> errors.addAll(r.errors());
            }
        }
    }

    /** Rows with at least one error (a row may break several rules). */
    int failedRows() {
        return (int) errors.stream().mapToInt(RowError::row).distinct().count();
    }
}
