package org.tcmeval.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.ProblemType;

/**
 * Turns the {@link IllegalArgumentException}s of libs/targets into field problems. The library
 * already checks targets, profiles and parent chains (unit ranges, BETWEEN bounds, cycles, unknown
 * parents); the catalog calls its constructors rather than repeating those rules, and only has to
 * say which request field a message is about and give the rule a stable name.
 *
 * <p>The library writes its messages as {@code [owner: ]field: explanation}, e.g.
 * {@code TCM_PHYSICIAN_RATIO: threshold: 130 is outside the range [0, 100] of unit PERCENT}.
 */
public final class LibraryViolations {

    /** Field names the library puts in front of its messages. */
    private static final Set<String> FIELDS = Set.of("indicatorCode", "comparator", "threshold", "upper", "deadlineYear",
            "nature", "baseline", "baselineYear", "source", "document", "location", "id", "divisionCode", "parentId",
            "targets", "type", "field", "op", "value", "min", "max", "part", "whole", "percent", "parts");

    /** Message fragment → rule name, first match wins. */
    private static final Map<String, String> RULES = new LinkedHashMap<>();

    static {
        RULES.put("unknown indicator code", "known-indicator");
        RULES.put("is outside the range", "range");
        RULES.put("is above upper bound", "lower-not-above-upper");
        RULES.put("needs an upper bound", "upper-required");
        RULES.put("only BETWEEN has an upper bound", "upper-only-for-between");
        RULES.put("is not a plan year", "plan-year");
        RULES.put("go together", "baseline-with-year");
        RULES.put("is not before the deadline", "baseline-before-deadline");
        RULES.put("cycle in target profile parents", "no-cycle");
        RULES.put("cannot inherit from itself", "no-cycle");
        RULES.put("is not among the profiles", "known-parent");
        RULES.put("does not contain division", "parent-contains-division");
        RULES.put("both claim division", "one-profile-per-division");
        RULES.put("two profiles are called", "unique-id");
        RULES.put("is set twice", "one-target-per-indicator");
        RULES.put("kebab", "profile-id-format");
        RULES.put("GB/T 2260", "division-code-format");
        RULES.put("is not a report field name", "report-field");
        RULES.put("unknown condition type", "condition-type");
        RULES.put("needs at least two", "two-alternatives");
        RULES.put("needs a percentage", "percent-range");
        RULES.put("grade range upper bound", "grade-order");
        RULES.put("is required", "required");
        RULES.put("needs a list of parts", "required");
        RULES.put("a source names", "required");
    }

    /** Rules whose breach is a clash with stored state rather than a bad value. */
    private static final Set<String> CONFLICTS = Set.of("unique-id", "one-profile-per-division");

    private LibraryViolations() {
    }

    /**
     * @param prefix path of the object the library checked, e.g. {@code targets[2]} or {@code condition};
     *               empty for the request itself
     */
    public static FieldError fieldError(IllegalArgumentException e, String prefix) {
        String message = e.getMessage() == null ? "invalid" : e.getMessage();
        String field = fieldOf(message);
        String path = prefix.isEmpty() ? field : field.isEmpty() ? prefix : prefix + "." + field;
        return new FieldError(path.isEmpty() ? "$" : path, ruleOf(message), message);
    }

    /** 409 for a clash with an existing profile, else 400, naming the field and rule. */
    public static ProblemException problem(IllegalArgumentException e, String prefix) {
        FieldError error = fieldError(e, prefix);
        if (CONFLICTS.contains(error.rule())) {
            return new ProblemException(ProblemType.CONFLICT, error.message(), List.of(error));
        }
        return ProblemException.validation(List.of(error));
    }

    static String fieldOf(String message) {
        // The last known name before the explanation: an owner in front (a profile id such as
        // "min") may look like a field too.
        String[] parts = message.split(": ");
        for (int i = parts.length - 2; i >= 0; i--) {
            if (FIELDS.contains(parts[i].trim())) {
                return parts[i].trim();
            }
        }
        return "";
    }

    static String ruleOf(String message) {
        return RULES.entrySet().stream().filter(r -> message.contains(r.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("valid");
    }
}
