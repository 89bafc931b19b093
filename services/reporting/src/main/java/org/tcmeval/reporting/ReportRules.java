package org.tcmeval.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        String[] names = figures.keySet().toArray(String[]::new);
        Arrays.sort(names);
        // Each field is looked up and checked once: a bulk job checks ~300,000 figures a province.
        ReportForm.Entry[] valid = new ReportForm.Entry[names.length];
        for (int i = 0; i < names.length; i++) {
            ReportForm.Entry entry = form.field(names[i]).orElse(null);
            FieldError e = checkOne(form, entry, names[i], figures.get(names[i]));
            if (e == null) {
                valid[i] = entry;
            } else {
                errors.add(e);
            }
        }
        for (int i = 0; i < names.length; i++) {
            ReportField def = valid[i] == null ? null : valid[i].field();
            if (def == null || def.atMost() == null) {
                continue;
            }
            BigDecimal value = figures.get(names[i]);
            BigDecimal whole = figures.get(def.atMost());
            // Comparing a part with its whole only means something once both are valid on their own.
            int w = Arrays.binarySearch(names, def.atMost());
            if (whole != null && valid[w] != null && value.compareTo(whole) > 0) {
                errors.add(new FieldError("figures." + names[i], "at-most-" + def.atMost(), names[i] + " ("
                        + value.toPlainString() + ") must not exceed " + def.atMost() + " (" + whole.toPlainString() + ")"));
            }
        }
        return errors;
    }

    /** The broken rule of one figure on its own, or {@code null}; {@code entry} is the form's, if it has one. */
    private static FieldError checkOne(ReportForm form, ReportForm.Entry entry, String name, BigDecimal value) {
        if (entry == null) {
            return notOnForm(form, "figures." + name, name);
        }
        if (entry.derived()) {
            return new FieldError("figures." + name, "derived", name
                    + " is counted from the technique items you list in 'techniqueItems'; do not report it as a number");
        }
        if (value == null) {
            return new FieldError("figures." + name, "required", name + " must have a value");
        }
        ReportField def = entry.field();
        FieldError kindError = switch (def.kind()) {
            case COUNT -> isWholeNumber(value) ? null
                    : new FieldError("figures." + name, "whole-number", name + " must be a whole number >= 0");
            case FLAG -> isWholeNumber(value) && value.compareTo(BigDecimal.ONE) <= 0 ? null
                    : new FieldError("figures." + name, "flag", name + " must be 0 or 1");
            case PERCENT -> value.signum() >= 0 && value.compareTo(HUNDRED) <= 0 && value.scale() <= 4 ? null
                    : new FieldError("figures." + name, "percent", name + " must be a percentage from 0 to 100"
                            + " with at most 4 decimals");
            case DECIMAL -> value.signum() >= 0 && value.scale() <= 4 ? null
                    : new FieldError("figures." + name, "decimal", name + " must be a number >= 0 with at most 4 decimals");
        };
        if (kindError == null && def.exceedsMax(value)) {
            // The bound is named, never the value: an unbounded input must not grow the answer.
            return new FieldError("figures." + name, Rules.RANGE, name + " must be at most " + def.max().toPlainString());
        }
        return kindError;
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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
        return v != null && v.signum() >= 0 && (v.scale() <= 0 || v.stripTrailingZeros().scale() <= 0);
    }
}
