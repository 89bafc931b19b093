package org.tcmeval.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcmeval.registry.mapping.InstitutionCsv;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.InstitutionType;

/**
 * Filters and paging over the demo province. Expected counts come from the generated file, in
 * divisions no other test writes to.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class InstitutionQueryTest {

    static final String ADMIN = Fixtures.GUANGXI_ADMIN;
    @Test
    void theLinkHeaderLeadsThroughTheSamePagesAsNextCursor() {
        List<String> all = list(ADMIN, Map.of("division", "450921")).getList("items.id", String.class);
        assertThat(all).hasSizeGreaterThan(50);
        List<String> seen = new ArrayList<>();
        String next = "/api/v1/institutions?division=450921&limit=25";
        int pages = 0;
        while (next != null) {
            var answer = given().auth().oauth2(ADMIN).urlEncodingEnabled(false).get(next).then().statusCode(200).extract();
            seen.addAll(answer.jsonPath().getList("items.id", String.class));
            String link = answer.header("Link");
            String cursor = answer.jsonPath().getString("nextCursor");
            // The header and the body name the same next page; both are absent on the last one.
            assertThat(link == null).isEqualTo(cursor == null);
            if (link != null) {
                assertThat(link).matches("<http://[^>]+/api/v1/institutions\\?[^>]*>; rel=\"next\"")
                        .contains("division=450921").contains("limit=25");
                next = link.substring(1, link.indexOf('>'));
            } else {
                next = null;
            }
            pages++;
        }
        // ceil(n / 25) pages, nothing repeated or skipped.
        assertThat(pages).isEqualTo((all.size() + 24) / 25);
        assertThat(seen).containsExactlyElementsOf(all);
    }

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    List<InstitutionDraft> demo;

    @BeforeEach
    void load() {
        demo = Fixtures.demo().data().institutions().stream().map(InstitutionCsv.Line::draft).toList();
    }

    long expected(Predicate<InstitutionDraft> p) {
        long n = demo.stream().filter(p).count();
        assertThat(n).as("the demo data must exercise this filter").isPositive();
        return n;
    }

    static JsonPath list(String token, Map<String, ?> params) {
        return given().auth().oauth2(token).queryParams(params).queryParam("includeTotal", "true")
                .queryParam("limit", "1000").get("/api/v1/institutions").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void filtersByDivisionAtEveryLevelTypeStatusYearGradeAndName() {
        assertThat(list(ADMIN, Map.of("division", "450921")).getLong("total"))
                .isEqualTo(expected(d -> d.divisionCode().startsWith("450921")));
        assertThat(list(ADMIN, Map.of("division", "450921101")).getLong("total"))
                .isEqualTo(expected(d -> d.divisionCode().equals("450921101")));
        // Every one of Yulin's seven counties runs a county TCM hospital.
        assertThat(list(ADMIN, Map.of("division", "4509", "type", "COUNTY_TCM_HOSPITAL")).getList("items.countyCode"))
                .containsExactlyInAnyOrder("450902", "450903", "450921", "450922", "450923", "450924", "450981");
        assertThat(list(ADMIN, Map.of("division", "4503", "type", "THC,CHSC")).getLong("total"))
                .isEqualTo(expected(d -> d.divisionCode().startsWith("4503")
                        && (d.type() == InstitutionType.THC || d.type() == InstitutionType.CHSC)));
        assertThat(list(ADMIN, Map.of("division", "4501", "status", "CLOSED")).getLong("total"))
                .isEqualTo(expected(d -> d.divisionCode().startsWith("4501") && InstitutionStatus.of(d.closedOn(), TODAY)
                        == InstitutionStatus.CLOSED));
        assertThat(list(ADMIN, Map.of("division", "4501", "status", "OPERATING")).getLong("total"))
                .isEqualTo(expected(d -> d.divisionCode().startsWith("4501") && InstitutionStatus.of(d.closedOn(), TODAY)
                        == InstitutionStatus.OPERATING));
        LocalDate start = LocalDate.of(2010, 1, 1);
        LocalDate end = LocalDate.of(2010, 12, 31);
        assertThat(list(ADMIN, Map.of("division", "4501", "operatingIn", "2010")).getLong("total"))
                .isEqualTo(expected(d -> d.divisionCode().startsWith("4501") && !d.openedOn().isAfter(end)
                        && (d.closedOn() == null || d.closedOn().isAfter(start))));
        assertThat(list(ADMIN, Map.of("division", "4501", "grade", List.of("GRADE_2A", "GRADE_3A"))).getLong("total"))
                .isEqualTo(expected(d -> d.divisionCode().startsWith("4501")
                        && (d.grade() == HospitalGrade.GRADE_2A || d.grade() == HospitalGrade.GRADE_3A)));
        assertThat(list(ADMIN, Map.of("division", "4502", "q", "中医")).getLong("total"))
                .isEqualTo(expected(d -> d.divisionCode().startsWith("4502") && d.name().contains("中医")));
        assertThat(list(ADMIN, Map.of("division", "4512", "ethnicMedicine", "ZHUANG", "ownership", "PUBLIC")).getLong("total"))
                .isEqualTo(expected(d -> d.divisionCode().startsWith("4512") && d.ethnicMedicine() == EthnicMedicine.ZHUANG
                        && d.ownership() == Ownership.PUBLIC));
        // The user's % is a character to find, not a wildcard.
        given().auth().oauth2(ADMIN).queryParam("q", "%").get("/api/v1/institutions").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextCursor", nullValue()).body("total", nullValue());
    }

    @Test
    void pagingNeitherRepeatsNorSkipsWhileInstitutionsAreRegistered() {
        Set<String> before = new HashSet<>(list(ADMIN, Map.of("division", "450902")).getList("items.id", String.class));
        assertThat(before).hasSizeGreaterThan(100);
        List<String> seen = new ArrayList<>();
        List<String> added = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(ADMIN).queryParam("division", "450902").queryParam("limit", "40");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/institutions").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            if (pages++ == 1) {
                for (String town : List.of("仁东镇", "仁厚镇", "大塘镇")) {
                    added.add(given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                            .body(Map.of("name", "玉州区" + town + "新卫生院", "type", "THC", "divisionCode", "450902100",
                                    "uscc", Fixtures.freshUscc("450902")))
                            .post("/api/v1/institutions").then().statusCode(201).extract().path("id"));
                }
            }
        } while (cursor != null);
        assertThat(new HashSet<>(seen)).hasSize(seen.size()).containsAll(before);
        // Ids are time-ordered: what was registered while paging comes at the end.
        assertThat(seen.subList(seen.size() - added.size(), seen.size())).containsExactlyElementsOf(added);
    }

    @Test
    void aCityUserSeesItsCityOnly() throws Exception {
        long inYulin;
        try (var c = Fixtures.jdbc(); ResultSet rs = c.createStatement()
                .executeQuery("select count(*) from institution where division_code like '4509%'")) {
            rs.next();
            inYulin = rs.getLong(1);
        }
        JsonPath province = list(Fixtures.YULIN_ADMIN, Map.of("division", "45"));
        assertThat(province.getLong("total")).isEqualTo(inYulin);
        assertThat(province.getList("items.divisionCode", String.class)).allMatch(code -> code.startsWith("4509"));
        JsonPath qinzhou = list(Fixtures.YULIN_ADMIN, Map.of("division", "4507"));
        assertThat(qinzhou.getList("items")).isEmpty();
        assertThat(qinzhou.getLong("total")).isZero();
        given().auth().oauth2(Fixtures.YULIN_ADMIN).queryParam("division", "450921").queryParam("limit", "5")
                .get("/api/v1/institutions").then().statusCode(200)
                .body("items.divisionCode", everyItem(startsWith("450921")));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        String cursor = given().auth().oauth2(ADMIN).queryParam("division", "450921").queryParam("limit", "2")
                .get("/api/v1/institutions").then().extract().path("nextCursor");
        given().auth().oauth2(ADMIN).queryParam("division", "450922").queryParam("cursor", cursor)
                .get("/api/v1/institutions").then().statusCode(400).body("errors[0].rule", equalTo("cursor-filters"));
        for (Map.Entry<String, String> bad : Map.of("cursor", "not-a-cursor", "limit", "0", "type", "HOSPITAL",
                "division", "45090", "operatingIn", "20x4", "includeTotal", "maybe", "status", "OPEN",
                "grade", "二级甲等").entrySet()) {
            given().auth().oauth2(ADMIN).queryParam(bad.getKey(), bad.getValue()).get("/api/v1/institutions").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad.getKey()));
        }
    }
}
