package org.tcmeval.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.InstitutionType;

/**
 * The editable state of an institution, whether it arrives as JSON, as a CSV row or is read back
 * from the table: one shape so that the same rules and the same change history apply to all.
 * Field names are the API's.
 */
public record InstitutionDraft(
        String name,
        InstitutionType type,
        String divisionCode,
        String uscc,
        String registrationNumber,
        Ownership ownership,
        HospitalGrade grade,
        EthnicMedicine ethnicMedicine,
        LocalDate openedOn,
        LocalDate closedOn) {

    /** Surrounding blanks are typing noise, and a blank identifier is no identifier. */
    public InstitutionDraft normalized() {
        return new InstitutionDraft(name == null ? null : name.strip(), type, blankToNull(divisionCode),
                blankToNull(uscc), blankToNull(registrationNumber), ownership, grade, ethnicMedicine, openedOn, closedOn);
    }

    public static InstitutionDraft of(Institution i) {
        return new InstitutionDraft(i.name, i.type, i.divisionCode, i.uscc, i.registrationNumber, i.ownership, i.grade,
                i.ethnicMedicine, i.openedOn, i.closedOn);
    }

    public void applyTo(Institution i) {
        i.name = name;
        i.type = type;
        i.divisionCode = divisionCode;
        i.countyCode = InstitutionRules.countyOf(divisionCode);
        i.uscc = uscc;
        i.registrationNumber = registrationNumber;
        i.ownership = ownership;
        i.grade = grade;
        i.ethnicMedicine = ethnicMedicine;
        i.openedOn = openedOn;
        i.closedOn = closedOn;
    }

    /** Every field as text, in API order; {@code null} for an empty field. */
    public Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("type", text(type));
        f.put("divisionCode", divisionCode);
        f.put("uscc", uscc);
        f.put("registrationNumber", registrationNumber);
        f.put("ownership", text(ownership));
        f.put("grade", text(grade));
        f.put("ethnicMedicine", text(ethnicMedicine));
        f.put("openedOn", text(openedOn));
        f.put("closedOn", text(closedOn));
        return f;
    }

    /** The fields that differ, in API order; empty when nothing changed. */
    public static List<FieldChange> diff(InstitutionDraft before, InstitutionDraft after) {
        Map<String, String> old = before == null ? null : before.fields();
        List<FieldChange> changes = new ArrayList<>();
        after.fields().forEach((field, value) -> {
            String was = old == null ? null : old.get(field);
            if (!Objects.equals(was, value)) {
                changes.add(new FieldChange(field, was, value));
            }
        });
        return changes;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
