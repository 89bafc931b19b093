package org.tcmeval.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.tcmeval.catalog.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;

/**
 * Every rejected change is a 4xx problem+json naming the field and the rule, and writes nothing:
 * the profile keeps its revisions. The rules are libs/targets' own, reached through its constructors.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class BadInputTest {

    static final String GX_PLAN = "guangxi-grassroots-tcm-capacity-plan-2022";

    @BeforeEach
    void profiles() {
        // 贵港市 4508 under 广西, and 桂平市 450881 under 贵港.
        Api.ensureProfile(Api.GUANGXI_ADMIN, "guigang-2025", "4508", "guangxi-2022", 2025);
        Api.ensureProfile(Api.GUANGXI_ADMIN, "guiping-2025", "450881", "guigang-2025", 2025);
    }

    static ValidatableResponse putTarget(String token, String profile, String indicator, Object body) {
        return Api.current(token, profile).queryParam("effectiveFrom", 2025).body(body)
                .put("/api/v1/profiles/" + profile + "/targets/" + indicator).then()
                .contentType("application/problem+json");
    }

    static void problem(ValidatableResponse r, int status, String field, String rule) {
        r.statusCode(status).body("status", equalTo(status)).body("errors[0].field", equalTo(field))
                .body("errors[0].rule", equalTo(rule));
    }

    @Test
    void anUnknownIndicatorCode() {
        problem(putTarget(Api.GUANGXI_ADMIN, "guigang-2025", "NO_SUCH_INDICATOR",
                Api.target("AT_LEAST", 10, GX_PLAN, "附表")), 400, "indicatorCode", "known-indicator");
        problem(as(Api.GUANGXI_ADMIN).body(Map.of("id", "laibin-2025", "divisionCode", "4513", "parentId",
                "guangxi-2022", "effectiveFrom", 2025, "targets", List.of(Map.of("indicatorCode", "NO_SUCH_INDICATOR",
                        "comparator", "AT_LEAST", "threshold", 1, "source", Map.of("document", "x", "location", "y")))))
                .post("/api/v1/profiles").then(), 400, "targets[0].indicatorCode", "known-indicator");
        as(Api.READER).get("/api/v1/profiles/laibin-2025").then().statusCode(404);
        assertThat(Api.revisionCount("guigang-2025")).isEqualTo(1);
    }

    @Test
    void aRateOfOneHundredThirtyPercent() {
        problem(putTarget(Api.GUANGXI_ADMIN, "guigang-2025", "TCM_PHYSICIAN_RATIO",
                Api.target("AT_LEAST", 130, GX_PLAN, "附表 考核评价指标 第14项")), 400, "threshold", "range");
        putTarget(Api.GUANGXI_ADMIN, "guigang-2025", "TCM_PHYSICIAN_RATIO",
                Api.target("AT_LEAST", 130, GX_PLAN, "附表 考核评价指标 第14项"))
                .body("detail", containsString("130 is outside the range [0, 100] of unit PERCENT"));
        assertThat(Api.revisionCount("guigang-2025")).isEqualTo(1);
    }

    /** Not only rates are bounded: every unit has a largest value (libs/targets Unit). */
    @Test
    void thresholdsOfEveryUnitAreBounded() {
        // 20,000 GPs per 10,000 residents would be two per resident; the bound is one per resident.
        problem(putTarget(Api.GUANGXI_ADMIN, "guigang-2025", "TCM_GP_DENSITY",
                Api.target("AT_LEAST", 20000, GX_PLAN, "附表 考核评价指标 第13项")), 400, "threshold", "range");
        putTarget(Api.GUANGXI_ADMIN, "guigang-2025", "TCM_GP_DENSITY",
                Api.target("AT_LEAST", 20000, GX_PLAN, "附表 考核评价指标 第13项"))
                .body("detail", containsString("20000 is outside the range [0, 10000] of unit PER_10K_RESIDENTS"));
        // A count (demonstration clinic areas) above the 10,000,000 of a whole province's institutions.
        putTarget(Api.GUANGXI_ADMIN, "guigang-2025", "DEMONSTRATION_TCM_CLINIC_AREAS",
                Api.target("AT_LEAST", 20000000, GX_PLAN, "附表 第5项"))
                .statusCode(400).body("errors[0].field", equalTo("threshold")).body("errors[0].rule", equalTo("range"))
                .body("detail", containsString("20000000 is outside the range [0, 10000000] of unit COUNT"));
        assertThat(Api.revisionCount("guigang-2025")).isEqualTo(1);
    }

    @Test
    void betweenWithTheLowerBoundAboveTheUpper() {
        var body = Map.of("comparator", "BETWEEN", "threshold", 0.7, "upper", 0.4,
                "source", Map.of("document", GX_PLAN, "location", "附表 考核评价指标 第13项"));
        problem(putTarget(Api.GUANGXI_ADMIN, "guigang-2025", "TCM_GP_DENSITY", body), 400, "threshold",
                "lower-not-above-upper");
        var noUpper = Map.of("comparator", "BETWEEN", "threshold", 0.4,
                "source", Map.of("document", GX_PLAN, "location", "附表 考核评价指标 第13项"));
        problem(putTarget(Api.GUANGXI_ADMIN, "guigang-2025", "TCM_GP_DENSITY", noUpper), 400, "upper", "upper-required");
        assertThat(Api.revisionCount("guigang-2025")).isEqualTo(1);
    }

    @Test
    void aDivisionOutsideTheCallersJurisdiction() {
        // 内蒙古's catalog admin (division 15) may not touch a Guangxi profile, nor create one in Guangxi.
        problem(putTarget(Api.INNER_MONGOLIA_ADMIN, "guangxi-2022", "TCM_GP_DENSITY",
                Api.target("AT_LEAST", 0.8, "x", "y")), 403, "divisionCode", "within-jurisdiction");
        problem(as(Api.INNER_MONGOLIA_ADMIN).body(Map.of("id", "luchuan-2025", "divisionCode", "450922",
                "parentId", "yulin-2022", "effectiveFrom", 2025)).post("/api/v1/profiles").then(), 403, "divisionCode",
                "within-jurisdiction");
        // 玉林's admin may change 玉林 and below, not the province.
        problem(putTarget(Api.YULIN_ADMIN, "guangxi-2022", "TCM_CORNER", Api.target("AT_LEAST", 12, GX_PLAN, "附表")),
                403, "divisionCode", "within-jurisdiction");
        assertThat(Api.revisionCount("guangxi-2022")).isEqualTo(1);
        as(Api.READER).get("/api/v1/profiles/luchuan-2025").then().statusCode(404);
    }

    @Test
    void aCycleInParents() {
        problem(Api.current(Api.GUANGXI_ADMIN, "guigang-2025").queryParam("effectiveFrom", 2025)
                .body(Map.of("parentId", "guiping-2025"))
                .put("/api/v1/profiles/guigang-2025/parent").then(), 400, "parentId", "no-cycle");
        Api.current(Api.GUANGXI_ADMIN, "guigang-2025").queryParam("effectiveFrom", 2025)
                .body(Map.of("parentId", "guiping-2025"))
                .put("/api/v1/profiles/guigang-2025/parent").then()
                .body("detail", containsString("guigang-2025 -> guiping-2025 -> guigang-2025"));
        problem(Api.current(Api.GUANGXI_ADMIN, "guigang-2025").queryParam("effectiveFrom", 2025)
                .body(Map.of("parentId", "guigang-2025"))
                .put("/api/v1/profiles/guigang-2025/parent").then(), 400, "parentId", "no-cycle");
        assertThat(Api.revisionCount("guigang-2025")).isEqualTo(1);
    }

    @Test
    void anUnknownOrUnfitParent() {
        problem(as(Api.GUANGXI_ADMIN).body(Map.of("id", "beihai-2025", "divisionCode", "4505", "parentId", "ghost",
                "effectiveFrom", 2025)).post("/api/v1/profiles").then(), 400, "parentId", "known-parent");
        // 内蒙古's division 15 does not contain 北海 4505.
        problem(as(Api.GUANGXI_ADMIN).body(Map.of("id", "beihai-2025", "divisionCode", "4505", "parentId",
                "inner-mongolia", "effectiveFrom", 2025)).post("/api/v1/profiles").then(), 400, "parentId",
                "parent-contains-division");
        // 贵港's profile is in force only from 2025.
        problem(as(Api.GUANGXI_ADMIN).body(Map.of("id", "pingnan-2024", "divisionCode", "450821", "parentId",
                "guigang-2025", "effectiveFrom", 2024)).post("/api/v1/profiles").then(), 400, "parentId",
                "parent-in-force");
        // 玉林 already has a profile.
        problem(as(Api.GUANGXI_ADMIN).body(Map.of("id", "yulin-2025", "divisionCode", "4509", "parentId",
                "guangxi-2022", "effectiveFrom", 2025)).post("/api/v1/profiles").then(), 409, "divisionCode",
                "one-profile-per-division");
        problem(as(Api.GUANGXI_ADMIN).body(Map.of("id", "Beihai 2025", "divisionCode", "4505", "parentId",
                "guangxi-2022", "effectiveFrom", 2025)).post("/api/v1/profiles").then(), 400, "id", "profile-id-format");
        for (String id : List.of("beihai-2025", "pingnan-2024", "yulin-2025")) {
            as(Api.READER).get("/api/v1/profiles/" + id).then().statusCode(404);
        }
    }

    @Test
    void malformedConditionsAndMissingFields() {
        var unknownType = Map.of("comparator", "AT_LEAST", "threshold", 30, "condition", Map.of("type", "sometimes"),
                "source", Map.of("document", GX_PLAN, "location", "附表 考核评价指标 第18项"));
        problem(putTarget(Api.GUANGXI_ADMIN, "guigang-2025", "TCM_LED_MEDICAL_COMMUNITY_COVERAGE", unknownType), 400,
                "condition.type", "condition-type");
        var badField = Map.of("comparator", "AT_LEAST", "threshold", 30,
                "condition", Map.of("type", "compare", "field", "resident population", "op", "GT", "value", 300000),
                "source", Map.of("document", GX_PLAN, "location", "附表 考核评价指标 第18项"));
        problem(putTarget(Api.GUANGXI_ADMIN, "guigang-2025", "TCM_LED_MEDICAL_COMMUNITY_COVERAGE", badField), 400,
                "condition.field", "report-field");
        var noComparator = Map.of("threshold", 30, "source", Map.of("document", GX_PLAN, "location", "附表"));
        problem(putTarget(Api.GUANGXI_ADMIN, "guigang-2025", "TCM_CORNER", noComparator), 400, "comparator",
                "required");
        problem(as(Api.GUANGXI_ADMIN).body(Api.target("AT_LEAST", 12, GX_PLAN, "附表"))
                .put("/api/v1/profiles/guigang-2025/targets/TCM_CORNER").then(), 400, "effectiveFrom", "required");
        problem(as(Api.GUANGXI_ADMIN).body(Map.of("comparator", "MORE_OR_LESS", "threshold", 1,
                "source", Map.of("document", "x", "location", "y"))).queryParam("effectiveFrom", 2025)
                .put("/api/v1/profiles/guigang-2025/targets/TCM_CORNER").then(), 400, "comparator", "one-of");
        assertThat(Api.revisionCount("guigang-2025")).isEqualTo(1);
    }

    @Test
    void aChangeCannotTakeEffectBeforeTheNewestRevision() {
        Api.ensureProfile(Api.GUANGXI_ADMIN, "baise-2025", "4510", "guangxi-2022", 2025);
        Api.current(Api.GUANGXI_ADMIN, "baise-2025").queryParam("effectiveFrom", 2027)
                .body(Api.target("AT_LEAST", 12, GX_PLAN, "附表 第9项"))
                .put("/api/v1/profiles/baise-2025/targets/TCM_CORNER").then().statusCode(200);
        // Every update names the revision it was made against (428 without).
        as(Api.GUANGXI_ADMIN).queryParam("effectiveFrom", 2028).body(Api.target("AT_LEAST", 13, GX_PLAN, "附表"))
                .put("/api/v1/profiles/baise-2025/targets/TCM_CORNER").then().statusCode(428)
                .contentType("application/problem+json");
        int revisions = Api.revisionCount("baise-2025");
        problem(Api.current(Api.GUANGXI_ADMIN, "baise-2025").queryParam("effectiveFrom", 2026)
                .body(Api.target("AT_LEAST", 14, GX_PLAN, "附表 第9项"))
                .put("/api/v1/profiles/baise-2025/targets/TCM_CORNER").then(), 400, "effectiveFrom",
                "not-before-latest-revision");
        assertThat(Api.revisionCount("baise-2025")).isEqualTo(revisions);
    }
}
