package org.tcmeval.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.targets.ReportField;

/** Validation of a report's period and figures, plain Java so it is tested without Quarkus. */
public final class ReportRules {

    private static final Pattern PERIOD = Pattern.compile("(20\\d{2})(-Q[1-4])?");

    private ReportRules() {
    }

    public static List<FieldError> check(String period, Map<String, BigDecimal> figures, int currentYear) {
        List<FieldError> errors = new ArrayList<>();
        var m = period == null ? null : PERIOD.matcher(period);
        if (m == null || !m.matches()) {
            errors.add(new FieldError("period", "period-format", "period must be a year (2024) or a quarter (2024-Q3)"));
        } else if (Integer.parseInt(m.group(1)) > currentYear) {
            errors.add(new FieldError("period", "not-in-future", "period " + period + " has not started yet"));
        }
        if (figures == null || figures.isEmpty()) {
            errors.add(new FieldError("figures", "required", "figures must name at least one reported field"));
            return errors;
        }
        figures.forEach((name, value) -> {
            String field = "figures." + name;
            var def = ReportField.byName(name);
            if (def.isEmpty()) {
                errors.add(new FieldError(field, "known-field", "unknown report field '" + name + "'; known: "
                        + ReportField.ALL.stream().map(ReportField::name).toList()));
            } else if (value == null) {
                errors.add(new FieldError(field, "required", name + " must have a value"));
            } else if (!isWholeNumber(value)) {
                errors.add(new FieldError(field, "whole-number", name + " must be a whole number >= 0"));
            } else if (def.get().kind() == ReportField.Kind.FLAG && value.compareTo(BigDecimal.ONE) > 0) {
                errors.add(new FieldError(field, "flag", name + " must be 0 or 1"));
            }
        });
        // Comparing a part with its whole only means something once both are valid on their own.
        figures.forEach((name, value) -> ReportField.byName(name).ifPresent(def -> {
            BigDecimal whole = def.atMost() == null ? null : figures.get(def.atMost());
            if (isWholeNumber(value) && isWholeNumber(whole) && value.compareTo(whole) > 0) {
                errors.add(new FieldError("figures." + name, "at-most-" + def.atMost(),
                        name + " (" + value.toPlainString() + ") must not exceed " + def.atMost() + " ("
                                + whole.toPlainString() + ")"));
            }
        }));
        return errors;
    }

    private static boolean isWholeNumber(BigDecimal v) {
        return v != null && v.signum() >= 0 && v.stripTrailingZeros().scale() <= 0;
    }

    public static int yearOf(String period) {
        return Integer.parseInt(period.substring(0, 4));
    }
}
