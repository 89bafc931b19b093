package org.tcmeval.catalog;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.tcmeval.testing.TestTokens;

/** Tokens and request helpers shared by the catalog's tests. */
final class Api {

    /** A county reviewer of 容县: reads, never writes. */
    static final String READER = TestTokens.token("450921", "county-reviewer", "dashboard-reader");
    /** The national catalog admin: the only one who edits the national technique list. */
    static final String NATIONAL_CATALOG_ADMIN = TestTokens.token("00", "catalog-admin");
    /** 广西 provincial bureau. */
    static final String GUANGXI_ADMIN = TestTokens.token("45", "catalog-admin");
    /** 玉林 city bureau. */
    static final String YULIN_ADMIN = TestTokens.token("4509", "catalog-admin");
    /** 内蒙古 regional bureau. */
    static final String INNER_MONGOLIA_ADMIN = TestTokens.token("15", "catalog-admin");
    /** A provincial admin who is not a catalog admin. */
    static final String GUANGXI_PROVINCE_ADMIN = TestTokens.token("45", "province-admin");

    private static final JsonPathConfig EXACT = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private Api() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** The body with exact decimals, so 0.8 stays 0.8. */
    static JsonPath json(Response response) {
        return response.jsonPath(EXACT);
    }

    static JsonPath effective(String division, int year) {
        return json(as(READER).queryParam("division", division).queryParam("year", year)
                .get("/api/v1/effective-targets").then().statusCode(200).extract().response());
    }

    /** The effective target for one indicator, or null. */
    static Map<String, Object> target(JsonPath effective, String indicatorCode) {
        return effective.getMap("targets.find { it.indicatorCode == '" + indicatorCode + "' }");
    }

    static BigDecimal number(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static List<String> chain(JsonPath effective) {
        return effective.getList("chain.profileId");
    }

    static Map<String, Object> target(String comparator, Object threshold, String document, String location) {
        return Map.of("comparator", comparator, "threshold", threshold,
                "source", Map.of("document", document, "location", location));
    }

    /** Creates a profile unless a previous test of this JVM already did. */
    static void ensureProfile(String token, String id, String division, String parentId, int effectiveFrom) {
        Response r = as(token).body(Map.of("id", id, "divisionCode", division, "parentId", parentId,
                "effectiveFrom", effectiveFrom)).post("/api/v1/profiles");
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new AssertionError("could not create " + id + ": " + r.asString());
        }
    }

    /** A request carrying the profile's current ETag as If-Match (an unknown profile gets "0", answered 404). */
    static RequestSpecification current(String token, String profileId) {
        Response r = as(READER).get("/api/v1/profiles/" + profileId);
        return as(token).header("If-Match", r.statusCode() == 200 ? r.header("ETag") : "\"0\"");
    }

    static int revisionCount(String id) {
        return as(READER).get("/api/v1/profiles/" + id + "/revisions").then().statusCode(200).extract()
                .jsonPath().getList("$").size();
    }
}
