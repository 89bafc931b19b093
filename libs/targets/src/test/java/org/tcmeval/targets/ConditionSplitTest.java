package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Which half of a target condition filters units and which half decides applicability. */
class ConditionSplitTest {

    @Test
    void everyFieldIsOnExactlyOneLevel() {
        for (ReportField f : ReportField.ALL) {
            assertThat(FactLevel.of(f.name())).as(f.name()).isEqualTo(FactLevel.INSTITUTION);
        }
        for (ReportField f : ReportField.COUNTY_FIGURES) {
            assertThat(FactLevel.of(f.name())).as(f.name()).isEqualTo(FactLevel.DIVISION);
        }
        for (ReportField f : ReportField.JURISDICTION_FIGURES) {
            assertThat(FactLevel.of(f.name())).as(f.name()).isEqualTo(FactLevel.DIVISION);
        }
        assertThat(FactLevel.of(HospitalGrade.FACT)).isEqualTo(FactLevel.INSTITUTION);
    }

    @Test
    void anUnknownFieldIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> FactLevel.of("residentPopulaton"))
                .withMessageContaining("residentPopulaton");
    }

    @Test
    void guangxiRow18IsADivisionCondition() {
        ConditionSplit split = ConditionSplit.of(GuangxiProfile.ROW_18_CONDITION);
        assertThat(split.institutionPart()).isEqualTo(Condition.NONE);
        assertThat(split.divisionPart().describe())
                .isEqualTo("residentPopulation > 300000 and tcmHospitalsGrade2aOrAbove >= 1");
    }

    @Test
    void innerMongoliaGradeIsAnInstitutionFilter() {
        ConditionSplit split = ConditionSplit.of(InnerMongoliaProfile.GRADE_2_OR_ABOVE);
        assertThat(split.institutionPart().describe()).isEqualTo("hospitalGrade >= 2");
        assertThat(split.divisionPart()).isEqualTo(Condition.NONE);
    }

    @Test
    void anAndOfBothLevelsIsCutIntoItsTwoMeanings() {
        Condition mixed = Condition.all(Condition.gradeAtLeast(HospitalGrade.GRADE_2),
                Condition.greaterThan("residentPopulation", 300_000), Condition.flag("hasRehabDept"));
        ConditionSplit split = ConditionSplit.of(mixed);
        assertThat(split.institutionPart().describe()).isEqualTo("hospitalGrade >= 2 and hasRehabDept = 1");
        assertThat(split.divisionPart().describe()).isEqualTo("residentPopulation > 300000");
    }

    @Test
    void anOrAcrossLevelsIsRejected() {
        Condition mixed = Condition.any(Condition.gradeAtLeast(HospitalGrade.GRADE_2),
                Condition.greaterThan("residentPopulation", 300_000));
        assertThatIllegalArgumentException().isThrownBy(() -> ConditionSplit.of(mixed))
                .withMessageContaining("hospitalGrade >= 2 or residentPopulation > 300000");
    }

    @Test
    void everyCanonicalTargetConditionHasOneMeaning() {
        for (TargetProfile p : CanonicalProfiles.ALL) {
            for (Target t : p.targets()) {
                ConditionSplit split = ConditionSplit.of(t.condition());
                // No transcribed condition mixes levels, so each lands wholly on one side.
                assertThat(split.institutionPart().equals(Condition.NONE) || split.divisionPart().equals(Condition.NONE))
                        .as(p.id() + " " + t.indicatorCode()).isTrue();
            }
        }
    }
}
