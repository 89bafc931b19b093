package org.tcmeval.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;

/** Catalog admins change profiles within their subtree; each change is a revision in force from its year on. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ProfileChangeTest {

    static final String IM_PLAN = "inner-mongolia-grassroots-tcm-capacity-plan";

    @Test
    void innerMongoliaRaisesItsGpDensityFrom2026And2025IsStillJudgedAsBefore() {
        int before = Api.revisionCount("inner-mongolia");
        String etag = as(Api.READER).get("/api/v1/profiles/inner-mongolia").then().statusCode(200).extract().header("ETag");

        as(Api.INNER_MONGOLIA_ADMIN).header("If-Match", etag).queryParam("effectiveFrom", 2026)
                .body(Api.target("AT_LEAST", 1.0, IM_PLAN, "附件 考核评价指标 第13项（2026年调整）"))
                .put("/api/v1/profiles/inner-mongolia/targets/TCM_GP_DENSITY")
                .then().statusCode(200).body("revision", equalTo(before + 1)).body("effectiveFrom", equalTo(2026));

        // inner-mongolia 附件 第13项: 0.8 stays the target of 2025 (revision 1); 1.0 holds from 2026.
        var y2025 = target(effective("150121", 2025), "TCM_GP_DENSITY");
        assertThat(number(y2025.get("threshold"))).isEqualByComparingTo("0.8");
        assertThat(map(y2025.get("provenance"))).containsEntry("revision", 1).containsEntry("effectiveFrom", 2021);
        var y2026 = target(effective("150121", 2026), "TCM_GP_DENSITY");
        assertThat(number(y2026.get("threshold"))).isEqualByComparingTo("1.0");
        assertThat(map(y2026.get("provenance"))).containsEntry("revision", before + 1);
        as(Api.READER).queryParam("year", 2025).get("/api/v1/profiles/inner-mongolia").then().statusCode(200)
                .body("revision", equalTo(1)).body("currentRevision", equalTo(before + 1));

        // Inner Mongolia adds an indicator of its own; Guangxi's counties see neither change.
        Api.current(Api.INNER_MONGOLIA_ADMIN, "inner-mongolia").queryParam("effectiveFrom", 2026)
                .body(Api.target("AT_LEAST", 25, "内蒙古中医药健康文化素养提升行动", "二、主要目标"))
                .put("/api/v1/profiles/inner-mongolia/targets/TCM_HEALTH_CULTURE_LITERACY").then().statusCode(200);
        assertThat(target(effective("150121", 2026), "TCM_HEALTH_CULTURE_LITERACY")).isNotNull();
        var rongxian2026 = effective("450921", 2026);
        assertThat(target(rongxian2026, "TCM_HEALTH_CULTURE_LITERACY")).isNull();
        // guangxi 附表 第13项 still 0.4-0.7 for 容县.
        assertThat(number(target(rongxian2026, "TCM_GP_DENSITY").get("threshold"))).isEqualByComparingTo("0.4");

        // The same change again is no change: no revision is added.
        int after = Api.revisionCount("inner-mongolia");
        Api.current(Api.INNER_MONGOLIA_ADMIN, "inner-mongolia").queryParam("effectiveFrom", 2026)
                .body(Api.target("AT_LEAST", 25, "内蒙古中医药健康文化素养提升行动", "二、主要目标"))
                .put("/api/v1/profiles/inner-mongolia/targets/TCM_HEALTH_CULTURE_LITERACY").then().statusCode(200)
                .body("revision", equalTo(after));
        assertThat(Api.revisionCount("inner-mongolia")).isEqualTo(after);

        // A stale ETag is refused.
        as(Api.INNER_MONGOLIA_ADMIN).header("If-Match", etag).queryParam("effectiveFrom", 2026)
                .body(Api.target("AT_LEAST", 0.9, IM_PLAN, "附件 考核评价指标 第13项"))
                .put("/api/v1/profiles/inner-mongolia/targets/TCM_GP_DENSITY")
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void aCityAdminCreatesACountyProfileThatTakesEffectIn2025() {
        var body = Map.of("id", "rongxian-2025", "divisionCode", "450921", "parentId", "yulin-2022", "effectiveFrom", 2025,
                "targets", List.of(Map.of("indicatorCode", "TCM_CORNER", "comparator", "AT_LEAST", "threshold", 20,
                        "source", Map.of("document", "容县基层中医药服务能力提升实施方案", "location", "附表 第9项"))));
        String key = UUID.randomUUID().toString();
        as(Api.YULIN_ADMIN).header("Idempotency-Key", key).body(body).post("/api/v1/profiles")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/profiles/rongxian-2025"))
                .body("revision", equalTo(1)).body("targets[0].indicatorCode", equalTo("TCM_CORNER"));
        // A retry with the same key answers the first response; without a key it is a conflict.
        as(Api.YULIN_ADMIN).header("Idempotency-Key", key).body(body).post("/api/v1/profiles")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
        as(Api.YULIN_ADMIN).body(body).post("/api/v1/profiles").then().statusCode(409)
                .body("errors[0].field", equalTo("id")).body("errors[0].rule", equalTo("unique-id"));

        var y2025 = effective("450921", 2025);
        assertThat(chain(y2025)).containsExactly("rongxian-2025", "yulin-2022", "guangxi-2022", "national");
        assertThat(number(target(y2025, "TCM_CORNER").get("threshold"))).isEqualByComparingTo("20");
        // In 2024 the county profile is not in force: guangxi 附表 第9项 gives 10%.
        var y2024 = effective("450921", 2024);
        assertThat(chain(y2024)).containsExactly("yulin-2022", "guangxi-2022", "national");
        assertThat(number(target(y2024, "TCM_CORNER").get("threshold"))).isEqualByComparingTo("10");

        // From 2026 the county drops its own value and inherits Guangxi's 10% again.
        Api.current(Api.YULIN_ADMIN, "rongxian-2025").queryParam("effectiveFrom", 2026)
                .delete("/api/v1/profiles/rongxian-2025/targets/TCM_CORNER")
                .then().statusCode(200).body("revision", equalTo(2)).body("targets", equalTo(List.of()));
        var corner2026 = target(effective("450921", 2026), "TCM_CORNER");
        assertThat(number(corner2026.get("threshold"))).isEqualByComparingTo("10");
        assertThat(map(corner2026.get("provenance"))).containsEntry("profileId", "guangxi-2022");
        assertThat(number(target(effective("450921", 2025), "TCM_CORNER").get("threshold"))).isEqualByComparingTo("20");
        Api.current(Api.YULIN_ADMIN, "rongxian-2025").queryParam("effectiveFrom", 2026)
                .delete("/api/v1/profiles/rongxian-2025/targets/TCM_CORNER")
                .then().statusCode(404).body("errors[0].rule", equalTo("set-by-profile"));
    }

    @Test
    void aProfileMovesToAnotherParentFromAGivenYear() {
        Api.ensureProfile(Api.GUANGXI_ADMIN, "wuzhou-2025", "4504", "guangxi-2022", 2025);
        Api.ensureProfile(Api.GUANGXI_ADMIN, "cenxi-2025", "450481", "wuzhou-2025", 2025);
        Api.current(Api.GUANGXI_ADMIN, "cenxi-2025").queryParam("effectiveFrom", 2027)
                .body(Map.of("parentId", "guangxi-2022")).put("/api/v1/profiles/cenxi-2025/parent").then().statusCode(200).body("parentId", equalTo("guangxi-2022"));
        // 450481 岑溪市: under 梧州 in 2026, directly under 广西 from 2027.
        assertThat(chain(effective("450481", 2026))).containsExactly("cenxi-2025", "wuzhou-2025", "guangxi-2022",
                "national");
        assertThat(chain(effective("450481", 2027))).containsExactly("cenxi-2025", "guangxi-2022", "national");
    }

    @Test
    void everyoneAuthenticatedReadsOnlyCatalogAdminsWrite() {
        as(Api.READER).get("/api/v1/profiles?division=45").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItems("guangxi-2022", "yulin-2022", "qinzhou-2023"));
        as(Api.READER).get("/api/v1/profiles/guangxi-2022/revisions/1").then().statusCode(200)
                .body("parentId", equalTo("national")).body("targets.size()", equalTo(25));
        Api.current(Api.GUANGXI_PROVINCE_ADMIN, "guangxi-2022").queryParam("effectiveFrom", 2026)
                .body(Api.target("AT_LEAST", 12, "guangxi-grassroots-tcm-capacity-plan-2022", "附表 考核评价指标 第9项"))
                .put("/api/v1/profiles/guangxi-2022/targets/TCM_CORNER")
                .then().statusCode(403).contentType("application/problem+json");
        io.restassured.RestAssured.given().get("/api/v1/profiles").then().statusCode(401);
        as(Api.READER).get("/api/v1/profiles/no-such-profile").then().statusCode(404)
                .contentType("application/problem+json");
        as(Api.READER).queryParam("year", 2019).get("/api/v1/profiles/guangxi-2022").then().statusCode(404);
    }
}
