package org.tcmeval.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcmeval.registry.mapping.InstitutionCsv;
import org.tcmeval.testing.InfraResource;

/** Bulk CSV import of institutions, in 北流市 (450981). */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class InstitutionImportTest {

    static final String HEADER = "name,type,divisionCode,uscc,registrationNumber,ownership,grade,openedOn,closedOn\r\n";

    String takenUscc;

    @BeforeEach
    void demo() {
        // Registered in Nanning, outside the Yulin caller's jurisdiction: a clash, not an update.
        takenUscc = Fixtures.demo().data().institutions().stream().map(InstitutionCsv.Line::draft)
                .filter(d -> d.divisionCode().startsWith("4501") && d.uscc() != null).map(InstitutionDraft::uscc)
                .findFirst().orElseThrow();
    }

    static ValidatableResponse importCsv(String token, String contentType, String query, byte[] body) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(token).contentType(contentType).body(body).post("/api/v1/institutions/import" + query).then();
    }

    static ValidatableResponse importCsv(String query, String csv) {
        return importCsv(Fixtures.YULIN_ADMIN, Fixtures.CSV, query, csv.getBytes(StandardCharsets.UTF_8));
    }

    static int countByUscc(String uscc) throws Exception {
        try (var c = Fixtures.jdbc(); PreparedStatement s = c.prepareStatement("select count(*) from institution where uscc = ?")) {
            s.setString(1, uscc);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void goodRowsImportOnceAndAChangedRowIsAnUpdate() {
        String uscc = Fixtures.freshUscc("450981");
        String registration = "PDY" + System.nanoTime() % 1_000_000_000L;
        String csv = HEADER
                + "北流市民乐镇卫生院," + "THC,450981100," + uscc + ",,PUBLIC,GRADE_1B,1956-04-01,\r\n"
                + "\r\n"
                + "北流市民乐镇罗政村卫生室,VILLAGE_CLINIC,450981100,," + registration + ",PUBLIC,,1980/7/1,\r\n";
        importCsv("", csv).statusCode(200).body("rows", equalTo(2)).body("created", equalTo(2)).body("rejected", equalTo(0));
        importCsv("", csv).statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(2));

        String renamed = csv.replace("北流市民乐镇卫生院", "北流市民乐镇中心卫生院");
        importCsv("", renamed).statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        String id = given().auth().oauth2(Fixtures.YULIN_ADMIN).queryParam("q", "民乐镇中心卫生院")
                .get("/api/v1/institutions").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].revision", equalTo(1)).body("items[0].grade", equalTo("GRADE_1B"))
                .extract().path("items[0].id");
        given().auth().oauth2(Fixtures.YULIN_ADMIN).get("/api/v1/institutions/" + id + "/history").then()
                .body("source", contains("IMPORT", "IMPORT")).body("action", contains("CREATED", "UPDATED"))
                .body("[1].changes.field", contains("name"));
        given().auth().oauth2(Fixtures.YULIN_ADMIN).queryParam("q", "罗政村卫生室").get("/api/v1/institutions").then()
                .body("items[0].openedOn", equalTo("1980-07-01")).body("items[0].uscc", equalTo(null));
    }

    @Test
    void badRowsRefuseTheFileUnlessPartialIsAsked() throws Exception {
        String good = Fixtures.freshUscc("450981");
        String dup = Fixtures.freshUscc("450981");
        String csv = HEADER
                + "北流市新圩镇卫生院,THC,450981101," + good + ",,PUBLIC,,1960-01-01,\r\n"
                + "北流市错码卫生院,THC,450981101," + dup.substring(0, 17) + (dup.charAt(17) == '0' ? '1' : '0') + ",,,,,\r\n"
                + "北流市错级卫生院,THC,450981," + Fixtures.freshUscc("450981") + ",,,,,\r\n"
                + "北流市无镇卫生院,THC,450981999," + Fixtures.freshUscc("450981") + ",,,,,\r\n"
                + "北流市早关卫生院,THC,450981101," + Fixtures.freshUscc("450981") + ",,,,1990-01-01,1980-01-01\r\n"
                + "北流市重码卫生院,THC,450981101," + good + ",,,,,\r\n"
                + "北流市占码卫生院,THC,450981101," + takenUscc + ",,,,,\r\n"
                + "北流市南宁卫生院,THC,450102100," + Fixtures.freshUscc("450102") + ",,,,,\r\n"
                + "北流市怪型,医院,450981101,,PDY1234,,,98-1-1,\r\n";
        importCsv("", csv).statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("rows[3].uscc", "rows[4].divisionCode", "rows[5].divisionCode",
                        "rows[6].closedOn", "rows[7].uscc", "rows[8].uscc", "rows[9].divisionCode", "rows[10].type",
                        "rows[10].openedOn"))
                .body("errors.rule", hasItems("uscc", "division-level", "known-division", "not-before-opened-on",
                        "duplicate-uscc", "one-of", "date"));
        assertThat(countByUscc(good)).as("all or nothing").isZero();

        importCsv("?partial=true", csv).statusCode(200).body("rows", equalTo(9)).body("created", equalTo(1))
                .body("rejected", equalTo(8)).body("errors.row", hasItems(3, 4, 5, 6, 7, 8, 9, 10));
        assertThat(countByUscc(good)).isEqualTo(1);
        assertThat(countByUscc(takenUscc)).isEqualTo(1);
    }

    @Test
    void filesThatAreNotUtf8CsvOrTooLargeAreRefused() {
        importCsv(Fixtures.YULIN_ADMIN, "text/csv", "", (HEADER + "北流市卫生院,THC,450981100,,PDY1,,,,\r\n")
                .getBytes(Charset.forName("GB18030"))).statusCode(400).body("errors[0].rule", equalTo("utf-8"));
        importCsv(Fixtures.YULIN_ADMIN, "application/json", "", "[]".getBytes(StandardCharsets.UTF_8)).statusCode(415)
                .contentType("application/problem+json");
        importCsv("", "name,type\r\n北流市卫生院,THC\r\n").statusCode(400).body("errors[0].rule", equalTo("required-column"));
        importCsv("?partial=maybe", HEADER).statusCode(400).body("errors[0].field", equalTo("partial"));
        importCsv("", HEADER + "北流市卫生院,THC\r\n").statusCode(422).body("errors[0].rule", equalTo("column-count"));
        byte[] huge = new byte[20 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ',');
        importCsv(Fixtures.YULIN_ADMIN, "text/csv", "", huge).statusCode(413).contentType("application/problem+json");
        importCsv(org.tcmeval.testing.TestTokens.token("4509", "dashboard-reader"), Fixtures.CSV, "",
                HEADER.getBytes(StandardCharsets.UTF_8)).statusCode(403);
    }
}
