package org.tcmeval.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which target is in force for a division, after inheritance and overrides. */
class TargetResolutionTest {

    final TargetResolver resolver = new TargetResolver(CanonicalProfiles.ALL);

    @Test
    void yulinCountyInheritsGuangxiButTakesYulinsRowEighteen() {
        // 450902 Yuzhou district, Yulin: the chain is yulin-2022 -> guangxi-2022 -> national.
        assertThat(resolver.chain("450902")).extracting(TargetProfile::id)
                .containsExactly("yulin-2022", "guangxi-2022", "national");

        var row18 = resolver.resolve("450902", "TCM_LED_MEDICAL_COMMUNITY_COVERAGE").orElseThrow();
        assertThat(row18.profileId()).isEqualTo("yulin-2022");
        assertThat(row18.target().threshold()).isEqualByComparingTo("30");
        assertThat(row18.target().condition().fields()).doesNotContain("residentPopulation");
        // A county of 250,000 with a grade-2A county TCM hospital is bound in Yulin.
        assertThat(row18.target().appliesTo(Map.of("residentPopulation", BigDecimal.valueOf(250_000),
                "tcmHospitalsGrade2aOrAbove", BigDecimal.ONE))).isTrue();

        var row14 = resolver.resolve("450902", "TCM_PHYSICIAN_RATIO").orElseThrow();
        assertThat(row14.profileId()).isEqualTo("guangxi-2022");
        assertThat(row14.target().threshold()).isEqualByComparingTo("25");
    }

    @Test
    void yulinCountySeesGuangxisTwentyFiveTargetsOneOfThemFromYulin() {
        var effective = resolver.effectiveTargets("450902");
        assertThat(effective).hasSize(25);
        assertThat(effective).filteredOn(r -> r.profileId().equals("yulin-2022"))
                .extracting(r -> r.target().indicatorCode()).containsExactly("TCM_LED_MEDICAL_COMMUNITY_COVERAGE");
        assertThat(effective).extracting(TargetResolver.ResolvedTarget::profileId).doesNotContain("national");
    }

    @Test
    void otherGuangxiCountyKeepsThePopulationCondition() {
        // 450102 Xingning district, Nanning: no city profile, so Guangxi's row 18 applies as written.
        var row18 = resolver.resolve("450102", "TCM_LED_MEDICAL_COMMUNITY_COVERAGE").orElseThrow();
        assertThat(row18.profileId()).isEqualTo("guangxi-2022");
        assertThat(row18.target().condition().fields()).contains("residentPopulation");
    }

    @Test
    void qinzhouCountyTakesQinzhousOwnValues() {
        // 450702 Qinnan district, Qinzhou: 专栏1 row 6 says 0.4 per 10,000 by 2025, from 0.26.
        var gps = resolver.resolve("450702", "TCM_GP_DENSITY").orElseThrow();
        assertThat(gps.profileId()).isEqualTo("qinzhou-2023");
        assertThat(gps.target().comparator()).isEqualTo(Comparator.AT_LEAST);
        assertThat(gps.target().threshold()).isEqualByComparingTo("0.4");
        assertThat(gps.target().baseline()).isEqualByComparingTo("0.26");
        // Rows Qinzhou does not repeat still come from Guangxi.
        assertThat(resolver.resolve("450702", "TCM_CORNER").orElseThrow().profileId()).isEqualTo("guangxi-2022");
    }

    @Test
    void innerMongoliaBannerGetsPointEightPerTenThousand() {
        // 150121 Tumed Left Banner (土默特左旗), Hohhot: IM annex row 13, 0.8 per 10,000, not Guangxi's 0.4-0.7.
        var gps = resolver.resolve("150121", "TCM_GP_DENSITY").orElseThrow();
        assertThat(gps.profileId()).isEqualTo("inner-mongolia");
        assertThat(gps.target().comparator()).isEqualTo(Comparator.AT_LEAST);
        assertThat(gps.target().threshold()).isEqualByComparingTo("0.8");
        assertThat(gps.target().upper()).isNull();
        assertThat(gps.indicator().populationScale()).isEqualTo(10_000);
        assertThat(gps.target().isMet(new BigDecimal("0.8"))).isTrue();
        assertThat(gps.target().isMet(new BigDecimal("0.79"))).isFalse();
    }

    @Test
    void beilunCentreGetsThePerInstitutionRule() {
        // A CHSC registered under a Beilun township (9-digit statistical code 330206xxx).
        var each = resolver.resolve("330206001", "CHSC_TCM_PHYSICIAN_SHARE_EACH").orElseThrow();
        assertThat(each.profileId()).isEqualTo("beilun-2023");
        assertThat(each.indicator().shape()).isEqualTo(ComputationShape.COMPLIANCE_RATE);
        assertThat(each.indicator().appliesTo(InstitutionType.CHSC)).isTrue();
        assertThat(each.indicator().perUnitRule().describe()).isEqualTo("tcmPhysicians >= 25% of physicians");
        assertThat(each.target().threshold()).isEqualByComparingTo("100");
        assertThat(each.target().deadlineYear()).isEqualTo(2023);
        // The aggregate 25% still reaches Beilun from the national baseline, beside the stricter rule.
        assertThat(resolver.resolve("330206001", "TCM_PHYSICIAN_RATIO").orElseThrow().profileId())
                .isEqualTo("national");
    }

    @Test
    void beilunsRuleStaysInBeilun() {
        // 330205 Jiangbei district, Ningbo: no profile but the national baseline.
        assertThat(resolver.resolve("330205", "CHSC_TCM_PHYSICIAN_SHARE_EACH")).isEmpty();
        assertThat(resolver.chain("330205")).extracting(TargetProfile::id).containsExactly("national");
    }

    @Test
    void byIdFindsEveryCanonicalProfile() {
        assertThat(CanonicalProfiles.ALL).extracting(TargetProfile::id).containsExactly(
                "national", "guangxi-2022", "yulin-2022", "qinzhou-2023", "inner-mongolia", "beilun-2023");
        CanonicalProfiles.ALL.forEach(p -> assertThat(CanonicalProfiles.byId(p.id())).contains(p));
    }
}
