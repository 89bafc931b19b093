package org.tcmeval.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.problem.Rules;

/** Rules of a division's registration, shared by {@code PUT /divisions/{code}} and the CSV import. */
public final class DivisionRules {

    public static final int MAX_NAME = 100;
    public static final int MAX_LEVEL_LABEL = 20;
    public static final int FIRST_YEAR = 1949;
    public static final int LAST_YEAR = 2100;
    /** Far above any province (Guangdong ~127 million), low enough to catch a stray digit. */
    public static final long MAX_RESIDENTS = 200_000_000L;

    private DivisionRules() {
    }

    public static List<FieldError> check(String code, String name, String levelLabel) {
        List<FieldError> errors = new ArrayList<>();
        String codeProblem = DivisionCodes.problem(code);
        if (codeProblem != null) {
            errors.add(new FieldError("code", "division-code", codeProblem));
        }
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "required", "name is required"));
        } else if (name.strip().length() > MAX_NAME) {
            errors.add(new FieldError("name", Rules.LENGTH, "name must be at most " + MAX_NAME + " characters"));
        }
        if (levelLabel != null && levelLabel.strip().length() > MAX_LEVEL_LABEL) {
            errors.add(new FieldError("levelLabel", Rules.LENGTH,
                    "levelLabel must be at most " + MAX_LEVEL_LABEL + " characters"));
        }
        return errors;
    }

    /**
     * Resident population by year, keys as sent ({@code "2024"}); adds one error per bad entry to
     * {@code errors} under {@code population.<key>} and answers the valid entries.
     */
    public static SortedMap<Integer, Long> population(Map<String, Long> byYear, List<FieldError> errors) {
        SortedMap<Integer, Long> valid = new TreeMap<>();
        if (byYear == null) {
            return valid;
        }
        byYear.forEach((key, residents) -> {
            String field = "population." + key;
            Integer year = key != null && key.matches("\\d{4}") ? Integer.valueOf(key) : null;
            if (year == null || year < FIRST_YEAR || year > LAST_YEAR) {
                errors.add(new FieldError(field, "year", "'" + key + "' must be a year between " + FIRST_YEAR + " and "
                        + LAST_YEAR));
            } else if (residents == null) {
                errors.add(new FieldError(field, "required", "residents for " + key + " are missing"));
            } else if (residents < 0 || residents > MAX_RESIDENTS) {
                errors.add(new FieldError(field, "residents", "residents must be between 0 and " + MAX_RESIDENTS
                        + ", not " + residents));
            } else {
                valid.put(year, residents);
            }
        });
        return valid;
    }

    /** Blank labels are no label, so a CSV cell and an omitted JSON field mean the same. */
    public static String normalizeLabel(String levelLabel) {
        return levelLabel == null || levelLabel.isBlank() ? null : levelLabel.strip();
    }
}
