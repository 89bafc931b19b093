package org.tcmeval.registry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.problem.Rules;
import org.tcmeval.targets.InstitutionType;

/**
 * Rules of an institution's registration, in plain Java so they are tested without Quarkus and
 * applied alike to JSON requests and CSV rows. Rules that need the database (the division exists,
 * the USCC is free) live in the services.
 */
public final class InstitutionRules {

    public static final int MAX_NAME = 200;
    /** Hospitals and township-level centres are graded (e.g. 一级甲等乡镇卫生院); stations, village clinics and 诊所 are not. */
    static final Set<InstitutionType> GRADED = EnumSet.of(InstitutionType.COUNTY_TCM_HOSPITAL,
            InstitutionType.COUNTY_GENERAL_HOSPITAL, InstitutionType.COUNTY_MCH_HOSPITAL, InstitutionType.CHSC,
            InstitutionType.THC);

    private InstitutionRules() {
    }

    public static List<FieldError> check(InstitutionDraft d) {
        List<FieldError> errors = new ArrayList<>();
        if (d.name() == null || d.name().isBlank()) {
            errors.add(new FieldError("name", "required", "name is required"));
        } else if (d.name().length() > MAX_NAME) {
            errors.add(new FieldError("name", Rules.LENGTH, "name must be at most " + MAX_NAME + " characters"));
        }
        if (d.type() == null) {
            errors.add(new FieldError("type", "required", "type is required"));
        }
        String code = d.divisionCode();
        if (code == null) {
            errors.add(new FieldError("divisionCode", "required", "divisionCode is required"));
        } else if (DivisionCodes.problem(code) != null || (code.length() != 6 && code.length() != 9)) {
            String p = DivisionCodes.problem(code);
            errors.add(new FieldError("divisionCode", "division-code", p != null ? "divisionCode " + p
                    : "divisionCode must be a 6-digit county or 9-digit township code"));
        } else if (d.type() != null) {
            String levelProblem = levelProblem(d.type(), code);
            if (levelProblem != null) {
                errors.add(new FieldError("divisionCode", "division-level", levelProblem));
            }
        }
        if (d.uscc() != null) {
            String p = UnifiedSocialCreditCode.problem(d.uscc());
            if (p != null) {
                errors.add(new FieldError("uscc", "uscc", "uscc " + p));
            }
        }
        if (d.registrationNumber() != null && !d.registrationNumber().matches("[0-9A-Za-z-]{4,50}")) {
            errors.add(new FieldError("registrationNumber", "registration-number",
                    "registrationNumber must be 4 to 50 letters, digits or '-'"));
        }
        if (d.uscc() == null && d.registrationNumber() == null) {
            errors.add(new FieldError("uscc", "uscc-or-registration-number",
                    "give the uscc (统一社会信用代码), the registrationNumber (执业许可证登记号) or both"));
        }
        if (d.grade() != null && d.type() != null && !GRADED.contains(d.type())) {
            errors.add(new FieldError("grade", "grade-not-applicable", d.type() + " institutions are not graded"));
        }
        if (d.openedOn() != null && d.closedOn() != null && d.closedOn().isBefore(d.openedOn())) {
            errors.add(new FieldError("closedOn", "not-before-opened-on", "closedOn " + d.closedOn()
                    + " is before openedOn " + d.openedOn()));
        }
        return errors;
    }

    /** County-level types sit on a 6-digit county code; township and village types on a 9-digit township code. */
    static String levelProblem(InstitutionType type, String code) {
        return switch (type.level()) {
            case COUNTY -> code.length() == 6 ? null : type + " must be registered on a 6-digit county code";
            case TOWNSHIP, VILLAGE -> code.length() == 9 ? null : type + " must be registered on a 9-digit township code";
            case ANY -> code.length() == 6 || code.length() == 9 ? null
                    : type + " must be registered on a county (6) or township (9) code";
        };
    }

    public static String countyOf(String divisionCode) {
        return divisionCode.substring(0, 6);
    }
}
