package org.tcmeval.reporting.technique;

import java.util.List;
import org.tcmeval.support.problem.Problem.FieldError;

/**
 * The technique items (中医药适宜技术) of a report checked against the list in force for its division.
 * Classes and items are derived here, never typed in by the reporter (indicator 2: ≥ 6 classes and
 * ≥ 10 items; indicator 3: ≥ 4 classes and ≥ 6 items).
 *
 * @param errors one per offending entry, field {@code techniqueItems[i]} (or {@code techniqueItems} for
 *        the list as a whole); empty when the list is valid
 * @param classes distinct classes (类) of the valid items
 * @param items valid distinct items (项)
 * @param itemCodes the valid item codes, normalised (trimmed, upper case), distinct and sorted: what a
 *        report stores
 */
public record TechniqueCheck(List<FieldError> errors, int classes, int items, List<String> itemCodes) {

    public TechniqueCheck {
        errors = List.copyOf(errors);
        itemCodes = List.copyOf(itemCodes);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
