package org.tcmeval.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.tcmeval.catalog.Api.as;
import static org.tcmeval.catalog.Api.chain;
import static org.tcmeval.catalog.Api.effective;
import static org.tcmeval.catalog.Api.map;
import static org.tcmeval.catalog.Api.number;
import static org.tcmeval.catalog.Api.target;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;

/**
 * Effective targets of real divisions, resolved from the seeded profiles. Every expected value is
 * written out from the source document (cited per assertion), not read from libs/targets.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class EffectiveTargetsTest {

    @Test
    void yulinDistrictInheritsGuangxiAndTakesYulinsRowEighteenWithoutThePopulationCondition() {
        // 450902 玉州区, 玉林市: chain 玉林 -> 广西 -> national.
        var e = effective("450902", 2025);
        assertThat(chain(e)).containsExactly("yulin-2022", "guangxi-2022", "national");
        // Guangxi annex rows 1-18 hold 21 targets (rows 3, 7, 12 hold two each; rows 4 and 16 share one), the
        // body text adds 4 (二（一）1 twice, 二（三）8, 二（四）11): 25, national's row 14 being overridden.
        assertThat(e.getList("targets")).hasSize(25);

        // yulin 附表 第18项: 30% for every county with a grade-2A TCM hospital, no 300,000-resident clause.
        var row18 = target(e, "TCM_LED_MEDICAL_COMMUNITY_COVERAGE");
        assertThat(row18.get("comparator")).isEqualTo("AT_LEAST");
        assertThat(number(row18.get("threshold"))).isEqualByComparingTo("30");
        assertThat(row18.get("conditionText")).isEqualTo("tcmHospitalsGrade2aOrAbove >= 1");
        assertThat(map(row18.get("condition"))).containsEntry("type", "compare")
                .containsEntry("field", "tcmHospitalsGrade2aOrAbove").containsEntry("op", "GE");
        assertThat(map(row18.get("source"))).containsEntry("document", "yulin-grassroots-tcm-capacity-plan-2022")
                .containsEntry("location", "附表 考核评价指标 第18项");
        assertThat(map(row18.get("provenance"))).containsEntry("profileId", "yulin-2022")
                .containsEntry("divisionCode", "4509").containsEntry("revision", 1);

        // guangxi 附表 第14项: TCM physicians >= 25% of CHSC/THC physicians, inherited from the province.
        var row14 = target(e, "TCM_PHYSICIAN_RATIO");
        assertThat(number(row14.get("threshold"))).isEqualByComparingTo("25");
        assertThat(map(row14.get("provenance"))).containsEntry("profileId", "guangxi-2022");
        assertThat(map(row14.get("source"))).containsEntry("location", "附表 考核评价指标 第14项");

        // guangxi 附表 第13项: 0.4-0.7 TCM GPs per 10,000 residents, expected, due 2025.
        var row13 = target(e, "TCM_GP_DENSITY");
        assertThat(row13.get("comparator")).isEqualTo("BETWEEN");
        assertThat(number(row13.get("threshold"))).isEqualByComparingTo("0.4");
        assertThat(number(row13.get("upper"))).isEqualByComparingTo("0.7");
        assertThat(row13.get("nature")).isEqualTo("EXPECTED");
        assertThat(row13.get("deadlineYear")).isEqualTo(2025);
        assertThat(row13.get("unit")).isEqualTo("PER_10K_RESIDENTS");
    }

    @Test
    void aGuangxiCountyWithoutCityProfileKeepsTheThreeHundredThousandCondition() {
        // 450102 兴宁区, 南宁市: no city profile; guangxi 附表 第18项 applies as written.
        var e = effective("450102", 2025);
        assertThat(chain(e)).containsExactly("guangxi-2022", "national");
        var row18 = target(e, "TCM_LED_MEDICAL_COMMUNITY_COVERAGE");
        assertThat(row18.get("conditionText"))
                .isEqualTo("residentPopulation > 300000 and tcmHospitalsGrade2aOrAbove >= 1");
        assertThat(map(row18.get("provenance"))).containsEntry("profileId", "guangxi-2022");
    }

    @Test
    void anInnerMongoliaBannerHasZeroPointEightGpsPerTenThousand() {
        // 150121 土默特左旗, 呼和浩特市: 内蒙古 sets its own table and inherits only the national baseline.
        var e = effective("150121", 2025);
        assertThat(chain(e)).containsExactly("inner-mongolia", "national");
        // inner-mongolia 附件 第13项: 每万常住人口 0.8 名 TCM GPs, a floor rather than Guangxi's 0.4-0.7.
        var gps = target(e, "TCM_GP_DENSITY");
        assertThat(gps.get("comparator")).isEqualTo("AT_LEAST");
        assertThat(number(gps.get("threshold"))).isEqualByComparingTo("0.8");
        assertThat(gps.get("upper")).isNull();
        assertThat(map(gps.get("source"))).containsEntry("document", "inner-mongolia-grassroots-tcm-capacity-plan")
                .containsEntry("location", "附件 考核评价指标 第13项");
        // inner-mongolia 附件 第8项: 150 demonstration 中医馆, an absolute count for the region.
        var demo = target(e, "DEMONSTRATION_TCM_CLINIC_AREAS");
        assertThat(demo.get("unit")).isEqualTo("COUNT");
        assertThat(number(demo.get("threshold"))).isEqualByComparingTo("150");
        assertThat(e.getList("targets.provenance.profileId", String.class)).doesNotContain("guangxi-2022");
    }

    @Test
    void aBeilunCentreIsJudgedPerInstitutionAtTwentyFivePercent() {
        // 330206001: a subdistrict of 北仑区, where its community health service centres are.
        var e = effective("330206001", 2023);
        assertThat(chain(e)).containsExactly("beilun-2023", "national");
        // beilun 四、（四）2: every (全部) CHSC with TCM physicians >= 25% of its own physicians, due 2023.
        var each = target(e, "CHSC_TCM_PHYSICIAN_SHARE_EACH");
        assertThat(each.get("rule")).isEqualTo("tcmPhysicians >= 25% of physicians");
        assertThat(each.get("shape")).isEqualTo("COMPLIANCE_RATE");
        assertThat(number(each.get("threshold"))).isEqualByComparingTo("100");
        assertThat(each.get("deadlineYear")).isEqualTo(2023);
        assertThat(map(each.get("source"))).containsEntry("document", "beilun-demonstration-district-plan-2023")
                .containsEntry("location", "四、（四）2");
        // beilun 四、（四）1: 0.6-0.8 TCM GPs per 10,000.
        var gps = target(e, "TCM_GP_DENSITY");
        assertThat(number(gps.get("threshold"))).isEqualByComparingTo("0.6");
        assertThat(number(gps.get("upper"))).isEqualByComparingTo("0.8");
        // The aggregate 25% of guangxi 附表 第14项 reaches Beilun only through the national baseline.
        var aggregate = target(e, "TCM_PHYSICIAN_RATIO");
        assertThat(map(aggregate.get("provenance"))).containsEntry("profileId", "national")
                .containsEntry("divisionCode", "00");
    }

    @Test
    void qinzhouCarriesNatureAndBaseline() {
        // 450702 钦南区: qinzhou 专栏1 第7项, 56.44% (2020) -> 65% (2025), 约束性.
        var e = effective("450702", 2025);
        var share = target(e, "GRADE2_PUBLIC_TCM_HOSPITAL_TCM_PHYSICIAN_SHARE");
        assertThat(share.get("nature")).isEqualTo("BINDING");
        assertThat(number(share.get("threshold"))).isEqualByComparingTo("65");
        assertThat(number(share.get("baseline"))).isEqualByComparingTo("56.44");
        assertThat(share.get("baselineYear")).isEqualTo(2020);
        // qinzhou 专栏1 第6项 overrides guangxi 第13项: 0.26 (2020) -> 0.4, a floor.
        var gps = target(e, "TCM_GP_DENSITY");
        assertThat(gps.get("comparator")).isEqualTo("AT_LEAST");
        assertThat(number(gps.get("threshold"))).isEqualByComparingTo("0.4");
        assertThat(number(gps.get("baseline"))).isEqualByComparingTo("0.26");
        assertThat(map(gps.get("provenance"))).containsEntry("profileId", "qinzhou-2023");
    }

    @Test
    void beforeThePlansNoTargetIsInForce() {
        // The seeded plans are in force from 2021, the first year of the 14th five-year period.
        var e = effective("450921", 2020);
        assertThat(chain(e)).isEmpty();
        assertThat(e.getList("targets")).isEmpty();
    }

    @Test
    void divisionAndYearAreChecked() {
        as(Api.READER).queryParam("division", "4509x").queryParam("year", 2025).get("/api/v1/effective-targets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("division"));
        as(Api.READER).queryParam("division", "450921").get("/api/v1/effective-targets")
                .then().statusCode(400).body("errors.field", equalTo(List.of("year")));
        io.restassured.RestAssured.given().queryParam("division", "450921").queryParam("year", 2025)
                .get("/api/v1/effective-targets").then().statusCode(401).contentType("application/problem+json");
    }
}
