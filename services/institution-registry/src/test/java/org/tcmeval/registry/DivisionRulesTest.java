package org.tcmeval.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcmeval.support.problem.Problem.FieldError;

class DivisionRulesTest {

    @Test
    void theCodeLengthIsTheLevelAndThePrefixIsTheParent() {
        assertThat(DivisionCodes.level("45")).isEqualTo(DivisionLevel.PROVINCE);
        assertThat(DivisionCodes.level("4509")).isEqualTo(DivisionLevel.CITY);
        assertThat(DivisionCodes.level("450921")).isEqualTo(DivisionLevel.COUNTY);
        assertThat(DivisionCodes.level("450921100")).isEqualTo(DivisionLevel.TOWNSHIP);
        assertThat(DivisionCodes.parentOf("45")).isNull();
        assertThat(DivisionCodes.parentOf("4509")).isEqualTo("45");
        assertThat(DivisionCodes.parentOf("450921")).isEqualTo("4509");
        assertThat(DivisionCodes.parentOf("450921100")).isEqualTo("450921");
    }

    @Test
    void malformedCodesAreNamed() {
        assertThat(DivisionCodes.problem("45")).isNull();
        assertThat(DivisionCodes.problem("4590")).as("province-administered county-level units").isNull();
        assertThat(DivisionCodes.problem("45092")).contains("2 (province), 4 (city)");
        assertThat(DivisionCodes.problem("45a9")).contains("digits");
        assertThat(DivisionCodes.problem("05")).contains("11 to 82");
        assertThat(DivisionCodes.problem("4500")).contains("use 45");
        assertThat(DivisionCodes.problem("450900")).contains("use 4509");
        assertThat(DivisionCodes.problem("450921000")).contains("use 450921");
        assertThat(DivisionCodes.problem(" ")).isEqualTo("is required");
    }

    @Test
    void populationIsCheckedPerYear() {
        Map<String, Long> byYear = new LinkedHashMap<>();
        byYear.put("2023", 646_000L);
        byYear.put("2024", 651_000L);
        byYear.put("24", 1L);
        byYear.put("1900", 1L);
        byYear.put("2025", -5L);
        byYear.put("2026", null);
        List<FieldError> errors = new ArrayList<>();
        var valid = DivisionRules.population(byYear, errors);
        assertThat(valid).containsExactly(Map.entry(2023, 646_000L), Map.entry(2024, 651_000L));
        assertThat(errors).extracting(FieldError::field)
                .containsExactly("population.24", "population.1900", "population.2025", "population.2026");
        assertThat(errors).extracting(FieldError::rule).containsExactly("year", "year", "residents", "required");
    }

    @Test
    void nameAndLabelAreRequiredAndBounded() {
        assertThat(DivisionRules.check("450921", "容县", "县")).isEmpty();
        assertThat(DivisionRules.check("450921", " ", null)).extracting(FieldError::rule).containsExactly("required");
        assertThat(DivisionRules.check("4509211", "容县", "苏木乡镇嘎查村旗县盟市辖区县级市自治县街道镇乡民族乡"))
                .extracting(FieldError::field).containsExactly("code", "levelLabel");
        assertThat(DivisionRules.normalizeLabel("  ")).isNull();
    }
}
