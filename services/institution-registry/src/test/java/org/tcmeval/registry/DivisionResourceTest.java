package org.tcmeval.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;

/** Divisions kept one by one with PUT, in Inner Mongolia (15), whose levels carry their own labels. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class DivisionResourceTest {

    static final String MONGOLIA_ADMIN = TestTokens.token("15", "province-admin");
    static final String HINGGAN_ADMIN = TestTokens.token("1522", "province-admin");

    static ValidatableResponse put(String token, String code, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/v1/divisions/" + code).then();
    }

    @Test
    void aTreeIsBuiltTopDownAndAnUpsertOfTheSameStateChangesNothing() {
        // 兴安盟 before 内蒙古自治区 exists: the parent is checked.
        put(MONGOLIA_ADMIN, "1522", "{\"name\": \"兴安盟\", \"levelLabel\": \"盟\"}").statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("code"))
                .body("errors[0].rule", equalTo("parent-exists"));

        String province = "{\"name\": \"内蒙古自治区\", \"levelLabel\": \"自治区\", \"population\": {\"2024\": 23900000}}";
        put(MONGOLIA_ADMIN, "15", province).statusCode(201).header("Location", endsWith("/api/v1/divisions/15"))
                .body("level", equalTo("PROVINCE")).body("parentCode", nullValue()).body("revision", equalTo(0))
                .body("population.2024", equalTo(23900000));
        put(MONGOLIA_ADMIN, "15", province).statusCode(200).body("revision", equalTo(0));

        put(MONGOLIA_ADMIN, "1522", "{\"name\": \"兴安盟\", \"levelLabel\": \"盟\", \"population\": {\"2024\": 1410000}}")
                .statusCode(201).body("level", equalTo("CITY")).body("parentCode", equalTo("15"));
        put(MONGOLIA_ADMIN, "152223", "{\"name\": \"扎赉特旗\", \"levelLabel\": \"旗县\", \"population\": "
                + "{\"2023\": 281000, \"2024\": 279000}}").statusCode(201).body("parentCode", equalTo("1522"));
        put(MONGOLIA_ADMIN, "152223101", "{\"name\": \"巴彦乌兰苏木\", \"levelLabel\": \"苏木乡镇\", \"population\": "
                + "{\"2024\": 12000}}").statusCode(201).body("level", equalTo("TOWNSHIP"));
        put(MONGOLIA_ADMIN, "152223101", "{\"name\": \"巴彦乌兰苏木\", \"levelLabel\": \"苏木乡镇\", \"population\": "
                + "{\"2023\": 12100, \"2024\": 11900}}").statusCode(200).body("revision", equalTo(1))
                .body("population.2023", equalTo(12100)).body("population.2024", equalTo(11900));

        given().auth().oauth2(MONGOLIA_ADMIN).get("/api/v1/divisions/152223").then().statusCode(200)
                .header("ETag", "\"0\"").body("name", equalTo("扎赉特旗")).body("levelLabel", equalTo("旗县"))
                .body("population.2023", equalTo(281000));
        given().auth().oauth2(MONGOLIA_ADMIN).queryParam("parent", "1522").get("/api/v1/divisions").then()
                .statusCode(200).body("code", contains("152223"));
        given().auth().oauth2(MONGOLIA_ADMIN).get("/api/v1/divisions").then().statusCode(200)
                .body("code", contains("1522"));

        // A county whose city does not exist is refused, and so is its township.
        put(MONGOLIA_ADMIN, "159921", "{\"name\": \"虚构旗\"}").statusCode(422).body("errors[0].rule", equalTo("parent-exists"));
        given().auth().oauth2(MONGOLIA_ADMIN).get("/api/v1/divisions/159921").then().statusCode(404);

        // A league-level administrator sees and edits its league only; elsewhere is "not found".
        given().auth().oauth2(HINGGAN_ADMIN).get("/api/v1/divisions/152223").then().statusCode(200);
        given().auth().oauth2(HINGGAN_ADMIN).get("/api/v1/divisions/15").then().statusCode(404)
                .contentType("application/problem+json");
        put(HINGGAN_ADMIN, "1505", "{\"name\": \"通辽市\"}").statusCode(404);
        given().auth().oauth2(HINGGAN_ADMIN).queryParam("parent", "15").get("/api/v1/divisions").then().statusCode(404);
    }

    @Test
    void badCodesAndBodiesGetAProblemNamingTheField() {
        put(MONGOLIA_ADMIN, "1522230", "{\"name\": \"七位\"}").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code")).body("errors[0].rule", equalTo("division-code"));
        put(MONGOLIA_ADMIN, "152200", "{\"name\": \"零县\"}").statusCode(400).body("errors[0].field", equalTo("code"));
        put(MONGOLIA_ADMIN, "1522", "{\"name\": \"兴安盟\", \"population\": {\"20x4\": 5, \"2024\": -1}}").statusCode(400)
                .body("errors.field", hasItem("population.20x4")).body("errors.field", hasItem("population.2024"));
        put(MONGOLIA_ADMIN, "1522", "{\"levelLabel\": \"盟\"}").statusCode(400).body("errors[0].field", equalTo("name"));
        put(MONGOLIA_ADMIN, "1522", "{\"name\": \"兴安盟\", \"population\": {\"2024\": \"many\"}}").statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(MONGOLIA_ADMIN).get("/api/v1/divisions/abc").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        given().auth().oauth2(MONGOLIA_ADMIN).queryParam("parent", "15x").get("/api/v1/divisions").then().statusCode(400)
                .body("errors[0].field", equalTo("parent"));
        given().auth().oauth2(MONGOLIA_ADMIN).get("/api/v1/divisions/1599").then().statusCode(404);
    }

    @Test
    void onlyProvinceAdministratorsKeepDivisions() {
        put(TestTokens.token("15", "city-admin"), "15", "{\"name\": \"内蒙古自治区\"}").statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("15", "dashboard-reader")).get("/api/v1/divisions/1599").then()
                .statusCode(404);
        given().contentType(ContentType.JSON).body("{\"name\": \"内蒙古自治区\"}").put("/api/v1/divisions/15").then()
                .statusCode(401);
    }
}
