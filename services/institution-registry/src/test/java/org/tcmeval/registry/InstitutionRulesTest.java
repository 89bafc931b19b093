package org.tcmeval.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.InstitutionType;

class InstitutionRulesTest {

    static final String USCC = "12450921MB0000011D".substring(0, 17);

    static InstitutionDraft draft(InstitutionType type, String division, String uscc, String registration,
            HospitalGrade grade, LocalDate opened, LocalDate closed) {
        return new InstitutionDraft("容县杨梅镇卫生院", type, division, uscc, registration, Ownership.PUBLIC, grade, null,
                opened, closed);
    }

    static String valid() {
        return USCC + UnifiedSocialCreditCode.checkCharacter(USCC);
    }

    static List<String> rules(InstitutionDraft d) {
        return InstitutionRules.check(d).stream().map(FieldError::rule).toList();
    }

    @Test
    void aWellFormedRegistrationPasses() {
        assertThat(rules(draft(InstitutionType.THC, "450921101", valid(), null, HospitalGrade.GRADE_1A,
                LocalDate.of(1958, 3, 1), null))).isEmpty();
        assertThat(rules(draft(InstitutionType.COUNTY_TCM_HOSPITAL, "450921", null, "PDY0001", HospitalGrade.GRADE_2A,
                null, null))).isEmpty();
        assertThat(rules(draft(InstitutionType.TCM_CLINIC, "450921", null, "PDY0001", null, null, null))).isEmpty();
        assertThat(rules(draft(InstitutionType.TCM_CLINIC, "450921101", null, "PDY0001", null, null, null))).isEmpty();
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(rules(draft(InstitutionType.THC, "450921", valid(), null, null, null, null)))
                .containsExactly("division-level");
        assertThat(rules(draft(InstitutionType.COUNTY_MCH_HOSPITAL, "450921101", valid(), null, null, null, null)))
                .containsExactly("division-level");
        assertThat(rules(draft(InstitutionType.THC, "4509", valid(), null, null, null, null))).containsExactly("division-code");
        assertThat(rules(draft(InstitutionType.THC, "450921000", valid(), null, null, null, null)))
                .containsExactly("division-code");
        assertThat(rules(draft(InstitutionType.THC, "450921101", USCC + "?", null, null, null, null))).containsExactly("uscc");
        assertThat(rules(draft(InstitutionType.VILLAGE_CLINIC, "450921101", null, null, null, null, null)))
                .containsExactly("uscc-or-registration-number");
        assertThat(rules(draft(InstitutionType.VILLAGE_CLINIC, "450921101", null, "登记号", null, null, null)))
                .containsExactly("registration-number");
        assertThat(rules(draft(InstitutionType.CHSS, "450921101", valid(), null, HospitalGrade.GRADE_1, null, null)))
                .containsExactly("grade-not-applicable");
        assertThat(rules(draft(InstitutionType.THC, "450921101", valid(), null, null, LocalDate.of(2000, 1, 2),
                LocalDate.of(2000, 1, 1)))).containsExactly("not-before-opened-on");
        assertThat(rules(new InstitutionDraft(" ", null, null, null, null, null, null, null, null, null)))
                .containsExactly("required", "required", "required", "uscc-or-registration-number");
    }

    @Test
    void theDiffNamesEachChangedFieldWithOldAndNewValue() {
        InstitutionDraft before = draft(InstitutionType.THC, "450921101", valid(), null, null, LocalDate.of(1958, 3, 1), null);
        InstitutionDraft after = new InstitutionDraft("容县杨梅镇中心卫生院", InstitutionType.THC, "450921101", valid(), null,
                Ownership.PUBLIC, HospitalGrade.GRADE_1A, EthnicMedicine.ZHUANG, LocalDate.of(1958, 3, 1),
                LocalDate.of(2025, 6, 30));
        assertThat(InstitutionDraft.diff(before, after)).containsExactly(
                new FieldChange("name", "容县杨梅镇卫生院", "容县杨梅镇中心卫生院"),
                new FieldChange("grade", null, "GRADE_1A"),
                new FieldChange("ethnicMedicine", null, "ZHUANG"),
                new FieldChange("closedOn", null, "2025-06-30"));
        assertThat(InstitutionDraft.diff(before, before)).isEmpty();
        assertThat(InstitutionChange.actionFor(InstitutionDraft.diff(before, after), false))
                .isEqualTo(InstitutionChange.Action.CLOSED);
        assertThat(InstitutionChange.actionFor(InstitutionDraft.diff(after, before), false))
                .isEqualTo(InstitutionChange.Action.REOPENED);
    }

    @Test
    void statusFollowsTheClosingDate() {
        LocalDate today = LocalDate.of(2025, 6, 30);
        assertThat(InstitutionStatus.of(null, today)).isEqualTo(InstitutionStatus.OPERATING);
        assertThat(InstitutionStatus.of(today, today)).isEqualTo(InstitutionStatus.CLOSED);
        assertThat(InstitutionStatus.of(today.plusDays(1), today)).as("planned closure").isEqualTo(InstitutionStatus.OPERATING);
    }

    @Test
    void idsSortInTheOrderTheyWereMadeAsPostgresqlComparesThem() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(InstitutionIds.next());
        }
        for (int i = 1; i < ids.size(); i++) {
            // PostgreSQL orders uuid bytewise, i.e. unsigned.
            assertThat(Long.compareUnsigned(ids.get(i - 1).getMostSignificantBits(), ids.get(i).getMostSignificantBits()))
                    .isNegative();
        }
        assertThat(ids.get(0).version()).isEqualTo(7);
        assertThat(ids.get(0).variant()).isEqualTo(2);
    }
}
