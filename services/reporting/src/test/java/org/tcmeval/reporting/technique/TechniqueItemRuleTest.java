package org.tcmeval.reporting.technique;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcmeval.reporting.technique.TechniqueItemRule.Listed;
import org.tcmeval.support.problem.Problem.FieldError;

/** The rule alone, without Quarkus: classes and items are counted by hand from the listed codes. */
class TechniqueItemRuleTest {

    static final Map<String, Listed> NATIONAL = Map.of(
            "ACUPUNCTURE_FILIFORM", new Listed("ACUPUNCTURE", false),
            "ACUPUNCTURE_AURICULAR", new Listed("ACUPUNCTURE", false),
            "MOXIBUSTION_SUSPENDED", new Listed("MOXIBUSTION", false),
            "MOXIBUSTION_WARM_NEEDLE", new Listed("MOXIBUSTION", true),
            "CUPPING_FLASH", new Listed("CUPPING", false));

    @Test
    void itemsOfTwoClassesCountAsTwoClassesAndCodesAreNormalisedAndSorted() {
        var check = TechniqueItemRule.check(List.of("moxibustion_suspended", " ACUPUNCTURE_FILIFORM\u3000",
                "ACUPUNCTURE_AURICULAR"), NATIONAL, "the national list");
        assertThat(check.errors()).isEmpty();
        assertThat(check.classes()).isEqualTo(2);
        assertThat(check.items()).isEqualTo(3);
        assertThat(check.itemCodes()).containsExactly("ACUPUNCTURE_AURICULAR", "ACUPUNCTURE_FILIFORM",
                "MOXIBUSTION_SUSPENDED");
        assertThat(check.valid()).isTrue();
    }

    @Test
    void unknownRetiredDuplicateAndBlankEntriesAreFieldErrorsAndDoNotCount() {
        var check = TechniqueItemRule.check(Arrays.asList("ACUPUNCTURE_FILIFORM", "NO_SUCH_ITEM",
                "MOXIBUSTION_WARM_NEEDLE", "acupuncture_filiform", " ", null, "CUPPING_FLASH"), NATIONAL,
                "the national list");
        assertThat(check.errors()).extracting(FieldError::field, FieldError::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("techniqueItems[1]", "known-technique-item"),
                org.assertj.core.groups.Tuple.tuple("techniqueItems[2]", "active-technique-item"),
                org.assertj.core.groups.Tuple.tuple("techniqueItems[3]", "distinct"),
                org.assertj.core.groups.Tuple.tuple("techniqueItems[4]", "required"),
                org.assertj.core.groups.Tuple.tuple("techniqueItems[5]", "required"));
        assertThat(check.errors().get(2).message()).contains("techniqueItems[0]");
        assertThat(check.classes()).isEqualTo(2);
        assertThat(check.items()).isEqualTo(2);
        assertThat(check.itemCodes()).containsExactly("ACUPUNCTURE_FILIFORM", "CUPPING_FLASH");
    }

    @Test
    void theListIsBoundedAndNothingIsLookedUpBeyondTheBound() {
        List<String> many = new ArrayList<>(Collections.nCopies(TechniqueItemRule.MAX_ITEMS + 1, "CUPPING_FLASH"));
        var check = TechniqueItemRule.check(many, NATIONAL, "the national list");
        assertThat(check.errors()).extracting(FieldError::field, FieldError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("techniqueItems", "max-items"));
        assertThat(check.items()).isZero();
        assertThat(TechniqueItemRule.lookups(many)).isEmpty();
        assertThat(TechniqueItemRule.lookups(List.of(" a_b", "A_B", "", "x".repeat(101)))).containsExactly("A_B");
    }

    @Test
    void noItemsIsValidAndCountsZero() {
        assertThat(TechniqueItemRule.check(null, NATIONAL, "n")).isEqualTo(new TechniqueCheck(List.of(), 0, 0, List.of()));
        assertThat(TechniqueItemRule.check(List.of(), NATIONAL, "n").valid()).isTrue();
    }

    @Test
    void theProvinceOfADivisionIsItsFirstTwoDigits() {
        assertThat(TechniqueDirectory.province("450921100")).isEqualTo("45");
        assertThat(TechniqueDirectory.province("450921100001")).isEqualTo("45");
        assertThat(TechniqueDirectory.province(null)).isEqualTo("00");
        assertThat(TechniqueDirectory.province("x45")).isEqualTo("00");
    }
}
