package org.tcmeval.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.problem.Rules;
import org.tcmeval.targets.ReportField;
import org.tcmeval.targets.ReportForm;
import org.tcmeval.targets.Reporter;

/** Validation of a report's period and figures against its form; plain Java, tested without Quarkus. */
public final class ReportRules {

    private ReportRules() {
    }

    /** The period's errors: its format, and that it has begun by {@code today}. */
    public static List<FieldError> checkPeriod(String period, LocalDate today) {
        Optional<ReportPeriod> p = ReportPeriod.parse(period);
        if (p.isEmpty()) {
            return List.of(new FieldError("period", "period-format", "period must be a year (2024) or a quarter (2024-Q3)"));
        }
        if (p.get().start().isAfter(today)) {
            return List.of(new FieldError("period", "not-in-future", "period " + p.get() + " has not started yet"));
        }
        return List.of();
    }

    /**
     * Every broken rule of {@code figures} on {@code form}: unknown fields, fields of another kind of
     * reporter or not on this form, derived fields typed in, values of the wrong kind, parts above
     * their whole.
     */
    public static List<FieldError> checkFigures(ReportForm form, Map<String, BigDecimal> figures) {
        List<FieldError> errors = new ArrayList<>();
        if (figures == null || figures.isEmpty()) {
            errors.add(new FieldError("figures", "required", "figures must name at least one reported field"));
            return errors;
        }
        // Sorted so the answer lists the fields in the same order every time.
        new TreeMap<>(figures).forEach((name, value) -> checkOne(form, name, value).ifPresent(errors::add));
        new TreeMap<>(figures).forEach((name, value) -> form.field(name).ifPresent(entry -> {
            ReportField def = entry.field();
            BigDecimal whole = def.atMost() == null ? null : figures.get(def.atMost());
            // Comparing a part with its whole only means something once both are valid on their own.
            if (checkOne(form, name, value).isEmpty() && whole != null && checkOne(form, def.atMost(), whole).isEmpty()
                    && value.compareTo(whole) > 0) {
                errors.add(new FieldError("figures." + name, "at-most-" + def.atMost(),
                        name + " (" + value.toPlainString() + ") must not exceed " + def.atMost() + " ("
                                + whole.toPlainString() + ")"));
            }
        }));
        return errors;
    }

    private static Optional<FieldError> checkOne(ReportForm form, String name, BigDecimal value) {
        String field = "figures." + name;
        var entry = form.field(name);
        if (entry.isEmpty()) {
            return Optional.of(notOnForm(form, field, name));
        }
        if (entry.get().derived()) {
            return Optional.of(new FieldError(field, "derived", name
                    + " is counted from the technique items you list in 'techniqueItems'; do not report it as a number"));
        }
        if (value == null) {
            return Optional.of(new FieldError(field, "required", name + " must have a value"));
        }
        ReportField def = entry.get().field();
        Optional<FieldError> kindError = switch (def.kind()) {
            case COUNT -> isWholeNumber(value) ? Optional.empty()
                    : Optional.of(new FieldError(field, "whole-number", name + " must be a whole number >= 0"));
            case FLAG -> isWholeNumber(value) && value.compareTo(BigDecimal.ONE) <= 0 ? Optional.empty()
                    : Optional.of(new FieldError(field, "flag", name + " must be 0 or 1"));
            case PERCENT -> value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0 && value.scale() <= 4
                    ? Optional.empty()
                    : Optional.of(new FieldError(field, "percent", name + " must be a percentage from 0 to 100"
                            + " with at most 4 decimals"));
            case DECIMAL -> value.signum() >= 0 && value.scale() <= 4 ? Optional.empty()
                    : Optional.of(new FieldError(field, "decimal", name + " must be a number >= 0 with at most 4 decimals"));
        };
        if (kindError.isEmpty() && def.exceedsMax(value)) {
            // The bound is named, never the value: an unbounded input must not grow the answer.
            return Optional.of(new FieldError(field, Rules.RANGE, name + " must be at most " + def.max().toPlainString()));
        }
        return kindError;
    }

    private static FieldError notOnForm(ReportForm form, String field, String name) {
        for (Reporter r : Reporter.values()) {
            if (r != form.reporter() && ReportField.byName(r, name).isPresent()) {
                return new FieldError(field, "reporter-field", name + " is reported by " + describe(r)
                        + ", not on " + describe(form));
            }
        }
        if (ReportField.byName(form.reporter(), name).isPresent()) {
            return new FieldError(field, "on-form", name + " is not on the form of " + describe(form)
                    + "; no indicator reads it for this type (GET /api/v1/forms lists the fields)");
        }
        return new FieldError(field, "known-field", "unknown report field '" + abbreviate(name)
                + "' (GET /api/v1/forms lists the fields of each form)");
    }

    private static String describe(ReportForm form) {
        return form.institutionType() != null ? "a " + form.institutionType() + " report" : describe(form.reporter());
    }

    private static String describe(Reporter r) {
        return switch (r) {
            case INSTITUTION -> "institution reports";
            case COUNTY -> "county reports";
            case JURISDICTION -> "city and province reports";
        };
    }

    /** Names come from the request: a message never repeats more than a few dozen characters of one. */
    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static boolean isWholeNumber(BigDecimal v) {
        return v != null && v.signum() >= 0 && v.stripTrailingZeros().scale() <= 0;
    }
}
