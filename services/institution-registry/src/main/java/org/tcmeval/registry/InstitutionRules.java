package org.tcmeval.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.targets.InstitutionType;

/** Cross-field rules of an institution's registration, in plain Java so they are tested without Quarkus. */
public final class InstitutionRules {

    private InstitutionRules() {
    }

    public static List<FieldError> check(InstitutionType type, String divisionCode, String uscc, LocalDate openedOn,
            LocalDate closedOn) {
        List<FieldError> errors = new ArrayList<>();
        if (type != null && divisionCode != null) {
            String levelProblem = levelProblem(type, divisionCode);
            if (levelProblem != null) {
                errors.add(new FieldError("divisionCode", "division-level", levelProblem));
            }
        }
        if (uscc != null) {
            String p = UnifiedSocialCreditCode.problem(uscc);
            if (p != null) {
                errors.add(new FieldError("uscc", "uscc", p));
            }
        }
        if (openedOn != null && closedOn != null && closedOn.isBefore(openedOn)) {
            errors.add(new FieldError("closedOn", "not-before-opened-on", "closedOn " + closedOn
                    + " is before openedOn " + openedOn));
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
