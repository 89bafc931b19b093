package org.tcmeval.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class JurisdictionTest {

    @Test
    void aCityCoversItsCountiesAndTownshipsNotItsParentOrSiblings() {
        Jurisdiction yulin = new Jurisdiction("4509", Set.of(Roles.CITY_ADMIN));
        assertThat(yulin.covers("4509")).isTrue();
        assertThat(yulin.covers("450902100")).isTrue();
        assertThat(yulin.covers("45")).isFalse();
        assertThat(yulin.covers("4507")).isFalse();
        assertThat(yulin.covers("00")).isFalse();
        assertThat(yulin.narrow("45")).isEqualTo("4509");
        assertThat(yulin.narrow("450902")).isEqualTo("450902");
        assertThat(yulin.narrow("3302")).isNull();
    }

    @Test
    void theNationalLevelCoversEveryProvinceWithTheEmptyPrefix() {
        Jurisdiction national = new Jurisdiction(Jurisdiction.NATIONAL, Set.of(Roles.NATIONAL_ADMIN));
        assertThat(national.national()).isTrue();
        assertThat(national.covers("33")).isTrue();
        assertThat(national.covers("330206")).isTrue();
        assertThat(national.covers("00")).isTrue();
        assertThat(national.narrow(null)).isEmpty();
        assertThat(national.narrow("00")).isEmpty();
        assertThat(national.narrow("15")).isEqualTo("15");
        // "00" is no province prefix: a province never covers the national level.
        assertThat(new Jurisdiction("45", Set.of()).covers("00")).isFalse();
    }

    @Test
    void anInstitutionsOwnAccountCarriesItsInstitution() {
        Jurisdiction centre = new Jurisdiction("450902100", Set.of(Roles.INSTITUTION_REPORTER), "12450902450117900B");
        assertThat(centre.boundToInstitution()).isTrue();
        assertThat(new Jurisdiction("450902", Set.of(), " ").boundToInstitution()).isFalse();
        assertThatThrownBy(() -> new Jurisdiction("CN", Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
