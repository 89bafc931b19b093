package org.tcmeval.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;

/** CSV import and export of a division tree, in Zhejiang (33): Ningbo 3302, Beilun 330206. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class DivisionImportTest {

    static final String ZHEJIANG_ADMIN = TestTokens.token("33", "province-admin");
    static final String HEADER = "code,parentCode,level,name,levelLabel,population.2023,population.2024\r\n";
    /** Children before parents, as people paste them: the import orders them itself. */
    static final String TREE = "\uFEFF" + HEADER
            + "330206001,330206,TOWNSHIP,新碶街道,街道,,98000\r\n"
            + "330206,3302,COUNTY,北仑区,市辖区,830000,845000\r\n"
            + "3302,33,CITY,宁波市,地级市,9620000,9700000\r\n"
            + "33,,PROVINCE,浙江省,省,65770000,66270000\r\n"
            + "330206100,330206,TOWNSHIP,大碶镇,镇,,61000\r\n";
    static final String EXPORTED = HEADER
            + "33,,PROVINCE,浙江省,省,65770000,66270000\r\n"
            + "3302,33,CITY,宁波市,地级市,9620000,9700000\r\n"
            + "330206,3302,COUNTY,北仑区,市辖区,830000,845000\r\n"
            + "330206001,330206,TOWNSHIP,新碶街道,街道,,98000\r\n"
            + "330206100,330206,TOWNSHIP,大碶镇,镇,,61000\r\n";

    /** Sends the bytes as they are, under exactly this Content-Type (RestAssured would add a charset). */
    static ValidatableResponse importCsv(String token, String contentType, byte[] body) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(token).contentType(contentType).body(body).post("/api/v1/divisions/import").then();
    }

    static ValidatableResponse importCsv(String csv) {
        return importCsv(ZHEJIANG_ADMIN, Fixtures.CSV, csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTreeImportsOnceExportsAsImportedAndReimportsUnchanged() {
        importCsv(TREE).statusCode(200).body("rows", equalTo(5)).body("created", equalTo(5)).body("updated", equalTo(0));
        importCsv(TREE).statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(5));
        given().auth().oauth2(ZHEJIANG_ADMIN).get("/api/v1/divisions/330206").then().statusCode(200)
                .header("ETag", "\"0\"").body("name", equalTo("北仑区")).body("population.2024", equalTo(845000));

        String csv = given().auth().oauth2(ZHEJIANG_ADMIN).accept("text/csv").queryParam("root", "33")
                .get("/api/v1/divisions/export").then().statusCode(200)
                .header("Content-Disposition", containsString("divisions-33.csv")).extract().asString();
        assertThat(csv).isEqualTo(EXPORTED);
        given().auth().oauth2(ZHEJIANG_ADMIN).accept("application/json").queryParam("root", "3302")
                .get("/api/v1/divisions/export").then().statusCode(200).contentType("application/json")
                .body("code", contains("3302", "330206", "330206001", "330206100"))
                .body("find { it.code == '330206' }.levelLabel", equalTo("市辖区"));

        // A file without the label column leaves labels alone; a changed population and name are updates.
        importCsv("code,name,population.2024\r\n330206,北仑区,850000\r\n330206100,大碶街道,61000\r\n").statusCode(200)
                .body("updated", equalTo(2)).body("unchanged", equalTo(0));
        given().auth().oauth2(ZHEJIANG_ADMIN).get("/api/v1/divisions/330206").then().statusCode(200)
                .header("ETag", "\"1\"").body("levelLabel", equalTo("市辖区"))
                .body("population.2023", equalTo(830000)).body("population.2024", equalTo(850000));
    }

    @Test
    void oneBadRowRefusesTheWholeFileWithEveryFaultByRow() {
        String csv = "code,name,levelLabel\r\n"
                + "330212,鄞州区,市辖区\r\n"
                + "330299001,无县街道,街道\r\n"
                + "3302061,七位码,\r\n"
                + "3101,上海市辖区,\r\n"
                + "330212,鄞州区,市辖区\r\n"
                + ",无码,\r\n";
        importCsv(csv).statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("rows[3].code", "rows[4].code", "rows[5].code", "rows[6].code", "rows[7].code"))
                .body("errors.rule", hasItems("parent-exists", "division-code", "jurisdiction", "duplicate-code"));
        given().auth().oauth2(ZHEJIANG_ADMIN).get("/api/v1/divisions/330212").then().statusCode(404);

        importCsv("code,parentCode,level,name\r\n330213,3301,CITY,错父\r\n").statusCode(422)
                .body("errors.rule", hasItems("parent-is-prefix", "level-matches-code"));
        importCsv("code,name,population.2024\r\n330206,北仑区,八十万\r\n").statusCode(422)
                .body("errors[0].field", equalTo("rows[2].population.2024"));
    }

    @Test
    void filesThatAreNotUtf8CsvAreRefusedWithTheRule() {
        Charset gbk = Charset.forName("GBK");
        importCsv(ZHEJIANG_ADMIN, "text/csv", ("code,name\r\n33,浙江省\r\n").getBytes(gbk)).statusCode(400)
                .contentType("application/problem+json").body("errors[0].rule", equalTo("utf-8"))
                .body("detail", containsString("line 2"));
        // The bytes decide, whatever charset the client names.
        importCsv(ZHEJIANG_ADMIN, "text/csv; charset=GBK", "code,name\r\n33,浙江省\r\n".getBytes(gbk))
                .statusCode(400).body("errors[0].rule", equalTo("utf-8"));
        importCsv(ZHEJIANG_ADMIN, "text/csv; charset=ISO-8859-1", "code,name\r\n3399,虚构市\r\n"
                .getBytes(StandardCharsets.UTF_8)).statusCode(422).body("errors[0].rule", equalTo("parent-exists"));
        importCsv(ZHEJIANG_ADMIN, "application/json", "{\"code\": \"33\"}".getBytes(StandardCharsets.UTF_8))
                .statusCode(415).contentType("application/problem+json");
        importCsv("name\r\n浙江省\r\n").statusCode(400).body("errors[0].field", equalTo("header"))
                .body("errors[0].rule", equalTo("required-column"));
        importCsv("code,name,人口\r\n33,浙江省,1\r\n").statusCode(400).body("errors[0].rule", equalTo("unknown-column"));
        importCsv("code,name\r\n33,\"浙江省\r\n").statusCode(400).body("errors[0].rule", equalTo("csv-syntax"));
        importCsv("").statusCode(400).body("errors[0].field", equalTo("header"));
        byte[] huge = new byte[20 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) 'a');
        importCsv(ZHEJIANG_ADMIN, "text/csv", huge).statusCode(413).contentType("application/problem+json");
    }

    @Test
    void exportsStayInsideTheJurisdiction() {
        given().auth().oauth2(TestTokens.token("3302", "dashboard-reader")).queryParam("root", "33")
                .get("/api/v1/divisions/export").then().statusCode(404);
        given().auth().oauth2(ZHEJIANG_ADMIN).queryParam("root", "3399").get("/api/v1/divisions/export").then()
                .statusCode(404);
        given().auth().oauth2(ZHEJIANG_ADMIN).accept("application/xml").get("/api/v1/divisions/export").then()
                .statusCode(406).contentType("application/problem+json");
        importCsv(TestTokens.token("33", "city-admin"), Fixtures.CSV, TREE.getBytes(StandardCharsets.UTF_8))
                .statusCode(403);
        given().auth().oauth2(ZHEJIANG_ADMIN).queryParam("root", "3x").get("/api/v1/divisions/export").then()
                .statusCode(400).body("errors.field", hasItem("root"));
    }
}
