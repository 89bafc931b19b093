package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportFormTest {

    @Test
    void aTownshipCentreFillsWhatItsIndicatorsRead() {
        ReportForm thc = ReportForm.forInstitutionType(InstitutionType.THC);
        // Guangxi annex row 14 reads both physician counts of CHSC/THC.
        assertThat(thc.field("tcmPhysicians").orElseThrow().indicators()).contains("TCM_PHYSICIAN_RATIO");
        assertThat(thc.field("physicians")).isPresent();
        // Row 12: the health-management rates are reported by CHSC/THC for their catchment.
        assertThat(thc.field("elderlyResidents")).isPresent();
        // Row 2 counts classes and items; they come from the listed techniques.
        assertThat(thc.field("techniqueClasses").orElseThrow().derived()).isTrue();
        assertThat(thc.hasTechniques()).isTrue();
        // Row 9's TCM corner is a station's and village clinic's feature, not a centre's.
        assertThat(thc.field("hasTcmCorner")).isEmpty();
        assertThat(thc.field("residentPopulation")).isEmpty();
    }

    @Test
    void aVillageClinicFillsItsOwnSmallerForm() {
        ReportForm village = ReportForm.forInstitutionType(InstitutionType.VILLAGE_CLINIC);
        assertThat(village.field("hasTcmCorner")).isPresent();
        assertThat(village.field("tcmCapableStaff")).isPresent();
        assertThat(village.field("elderlyResidents")).isEmpty();
    }

    @Test
    void aPartComesWithItsWhole() {
        // TCM_CLINIC_AREA_CONNOTATION reads tcmClinicAreaConnotationBuilt, a part of hasTcmClinicArea.
        ReportForm chsc = ReportForm.forInstitutionType(InstitutionType.CHSC);
        var part = chsc.field("tcmClinicAreaConnotationBuilt").orElseThrow();
        assertThat(chsc.field(part.field().atMost())).isPresent();
    }

    @Test
    void divisionFormsHoldTheirWholeLists() {
        assertThat(ReportForm.forCounty().fields()).hasSize(ReportField.COUNTY_FIGURES.size());
        assertThat(ReportForm.forCounty().field("tcmGeneralPractitioners").orElseThrow().indicators())
                .contains("TCM_GP_DENSITY");
        assertThat(ReportForm.forJurisdiction().field("tcmHealthCultureLiteracy")).isPresent();
        assertThat(ReportForm.forCounty().hasTechniques()).isFalse();
    }
}
