package org.tcmeval.registry.service;

import java.util.Comparator;
import java.util.List;
import org.tcmeval.registry.rest.RowError;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.ProblemType;

/** Row errors of an import, as a report lists them and as the problem of a refused file names them. */
final class ImportErrors {

    private ImportErrors() {
    }

    /** In row order, at most {@code max} of them. */
    static List<RowError> listed(List<RowError> errors, int max) {
        return errors.stream().sorted(Comparator.comparingInt(RowError::row)).limit(max).toList();
    }

    static int rowsWithErrors(List<RowError> errors) {
        return (int) errors.stream().mapToInt(RowError::row).distinct().count();
    }

    /**
     * 422 naming row and column of each fault as {@code rows[<row>].<column>}; nothing was written.
     */
    static ProblemException rejected(List<RowError> errors, int rowCount, int max, boolean partialAllowed) {
        List<FieldError> fields = listed(errors, max).stream()
                .map(e -> new FieldError("rows[" + e.row() + "]." + e.field(), e.rule(), "row " + e.row() + ": " + e.message()))
                .toList();
        int bad = rowsWithErrors(errors);
        String detail = bad + " of " + rowCount + " rows break rules (" + errors.size() + " errors"
                + (errors.size() > fields.size() ? ", the first " + fields.size() + " listed" : "") + "); nothing was "
                + "imported" + (partialAllowed ? ". Fix them, or send partial=true to import the other rows" : "");
        return new ProblemException(ProblemType.IMPORT_REJECTED, detail, fields);
    }
}
