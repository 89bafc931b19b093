package org.tcmeval.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.tcmeval.catalog.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.TechniqueClassChanged;
import org.tcmeval.events.Topics;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;
import org.tcmeval.testing.TopicReader;

/** A province admin uploads the province's official technique list as CSV; it replaces the national list there. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class TechniqueListImportTest {

    static final String GUANGXI = TestTokens.token("45", "province-admin");
    static final String GUANGDONG = TestTokens.token("44", "province-admin");
    static final String HUNAN = TestTokens.token("43", "catalog-admin");
    static final String YULIN_PROVINCE_ADMIN = TestTokens.token("4509", "province-admin");
    static final String SOURCE = "广西壮族自治区基层中医药适宜技术推广目录（2024年版）";
    static final String HEADER = "classCode,classNameZh,itemCode,itemNameZh,classNameEn,itemNameEn\r\n";
    static final String GUANGXI_LIST = HEADER
            + "ACUPUNCTURE,针刺类,GX_ZC_01,毫针刺法,Acupuncture,Filiform needling\r\n"
            + "ACUPUNCTURE,针刺类,GX_ZC_02,耳穴压豆,Acupuncture,\r\n"
            + "TUINA,推拿类,gx_tn_01,壮医经筋推拿,,\r\n";

    /** Sends the bytes as they are, under exactly this Content-Type (RestAssured would add a charset). */
    static ValidatableResponse upload(String token, String province, String idempotencyKey, byte[] body) {
        var request = given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(token).contentType("text/csv").queryParam("source", SOURCE).body(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/techniques/lists/" + province + "/import").then();
    }

    static ValidatableResponse upload(String token, String province, String csv) {
        return upload(token, province, null, csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aProvinceListReplacesTheNationalListForItsDivisionsAndIsPublished() {
        byte[] withBom = ("\uFEFF" + GUANGXI_LIST).getBytes(StandardCharsets.UTF_8);
        upload(GUANGXI, "45", null, withBom).statusCode(200).body("scope", equalTo("45")).body("rows", equalTo(3))
                .body("classes", equalTo(2)).body("items", equalTo(3))
                .body("changedClasses", contains("ACUPUNCTURE", "TUINA")).body("retiredItems", equalTo(0));

        as(Api.READER).queryParam("scope", "45").get("/api/v1/techniques").then().statusCode(200)
                .body("code", contains("ACUPUNCTURE", "TUINA")).body("scope", everyItem(equalTo("45")))
                .body("[0].items.code", contains("GX_ZC_01", "GX_ZC_02"))
                .body("[0].items.provisional", everyItem(equalTo(false)))
                .body("[0].items.source", everyItem(equalTo(SOURCE)))
                .body("[1].nameEn", equalTo(null)).body("[1].items[0].code", equalTo("GX_TN_01"));
        // The list in force: Guangxi's for a Guangxi county, the national one elsewhere.
        as(Api.READER).queryParam("division", "450921").get("/api/v1/techniques").then().statusCode(200)
                .body("code", contains("ACUPUNCTURE", "TUINA"));
        as(Api.READER).queryParam("division", "150102").get("/api/v1/techniques").then().statusCode(200)
                .body("size()", equalTo(10));
        as(Api.READER).get("/api/v1/techniques/lists").then().statusCode(200).body("$", hasItem("45"))
                .body("[0]", equalTo("00"));
        as(Api.READER).queryParam("scope", "45").get("/api/v1/techniques/items/GX_ZC_02").then().statusCode(200)
                .body("classCode", equalTo("ACUPUNCTURE")).body("scope", equalTo("45"));
        // The national list is untouched: its ACUPUNCTURE is still the guideline's nine needles.
        as(Api.READER).get("/api/v1/techniques/ACUPUNCTURE").then().statusCode(200).body("activeItems", equalTo(9));

        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.TECHNIQUE_CHANGED)) {
            var record = reader.await(r -> "45:ACUPUNCTURE".equals(r.key()), Duration.ofSeconds(20));
            TechniqueClassChanged e = EventJson.read(record.value(), TechniqueClassChanged.class).data();
            assertThat(e.scope()).isEqualTo("45");
            assertThat(e.revision()).isEqualTo(1);
            assertThat(e.items()).extracting(TechniqueClassChanged.Item::code).containsExactly("GX_ZC_01", "GX_ZC_02");
            assertThat(e.items()).extracting(TechniqueClassChanged.Item::source).containsOnly(SOURCE);
        }

        // The same file again changes nothing.
        upload(GUANGXI, "45", GUANGXI_LIST).statusCode(200).body("changedClasses", empty())
                .body("unchangedClasses", equalTo(2));
        as(Api.READER).queryParam("scope", "45").get("/api/v1/techniques/ACUPUNCTURE").then().header("ETag", "\"1\"");

        // Items the file leaves out are retired, never deleted; a class left out keeps its rows, all retired.
        upload(GUANGXI, "45", HEADER + "ACUPUNCTURE,针刺类,GX_ZC_01,毫针刺法,Acupuncture,Filiform needling\r\n")
                .statusCode(200).body("changedClasses", contains("ACUPUNCTURE", "TUINA")).body("retiredItems", equalTo(2));
        as(Api.READER).queryParam("scope", "45").get("/api/v1/techniques/ACUPUNCTURE").then().header("ETag", "\"2\"")
                .body("activeItems", equalTo(1)).body("items.find { it.code == 'GX_ZC_02' }.retired", equalTo(true));
        as(Api.READER).queryParam("scope", "45").get("/api/v1/techniques/TUINA").then().body("activeItems", equalTo(0))
                .body("items[0].retired", equalTo(true));
        // Uploading it again brings the items back.
        upload(GUANGXI, "45", GUANGXI_LIST).statusCode(200).body("retiredItems", equalTo(0));
        as(Api.READER).queryParam("scope", "45").get("/api/v1/techniques/TUINA").then().header("ETag", "\"3\"")
                .body("activeItems", equalTo(1));
    }

    @Test
    void badRowsRefuseTheWholeFileNamingRowFieldAndRule() {
        upload(GUANGDONG, "44", HEADER + "ACUPUNCTURE,针刺类,GD_ZC_01,毫针,,\r\n").statusCode(200);
        String bad = HEADER
                + "ACUPUNCTURE,针刺类,GD_ZC_01,毫针,,\r\n"
                + "ACUPUNCTURE,针灸类,GD_ZC_02,耳针,,\r\n"
                + "MOXIBUSTION,灸类,GD_ZC_01,艾灸,,\r\n"
                + "MOXIBUSTION,灸类,gd-aj-02,,,\r\n"
                + "MOXIBUSTION,灸类\r\n";
        upload(GUANGDONG, "44", bad).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/import-rejected"))
                .body("errors.field", contains("rows[3].classNameZh", "rows[4].itemCode", "rows[5].itemNameZh",
                        "rows[5].itemCode", "rows[6].*"))
                .body("errors.rule", contains("same-class-name", "unique-in-list", "required", "code-format",
                        "column-count"));
        // Nothing was stored.
        as(Api.READER).queryParam("scope", "44").get("/api/v1/techniques").then().body("code", contains("ACUPUNCTURE"))
                .body("[0].activeItems", equalTo(1));
        // An item code never moves to another class of the list, even across uploads.
        upload(GUANGDONG, "44", HEADER + "MOXIBUSTION,灸类,GD_ZC_01,毫针,,\r\n").statusCode(422)
                .body("errors[0].field", equalTo("rows[2].itemCode"))
                .body("errors[0].rule", equalTo("item-of-another-class"));
    }

    @Test
    void filesThatAreNotUtf8CsvOrTooLargeOrEmptyAreRefused() {
        Charset gbk = Charset.forName("GBK");
        upload(HUNAN, "43", null, (HEADER + "ACUPUNCTURE,针刺类,HN_01,毫针,,\r\n").getBytes(gbk)).statusCode(400)
                .body("errors[0].rule", equalTo("utf-8"));
        upload(HUNAN, "43", "code,name\r\nA,B\r\n").statusCode(400).body("errors[0].rule", equalTo("unknown-column"));
        upload(HUNAN, "43", "classCode,classNameZh,itemCode\r\nA,B,C\r\n").statusCode(400)
                .body("errors[0].rule", equalTo("required-column"));
        upload(HUNAN, "43", HEADER).statusCode(400).body("errors[0].field", equalTo("body"))
                .body("errors[0].rule", equalTo("required"));
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'A');
        upload(HUNAN, "43", null, huge).statusCode(413).contentType("application/problem+json");
        // Refused by its Content-Length before anything else, so not even buffered for a caller without the role.
        upload(Api.READER, "43", null, huge).statusCode(413);
        given().auth().oauth2(HUNAN).contentType("text/csv").body(HEADER.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/techniques/lists/43/import").then().statusCode(400)
                .body("errors[0].field", equalTo("source"));
        as(Api.READER).queryParam("scope", "43").get("/api/v1/techniques").then().body("$", empty());
    }

    @Test
    void onlyAdminsOfTheProvinceUploadItsList() {
        String one = HEADER + "ACUPUNCTURE,针刺类,X_01,毫针,,\r\n";
        upload(YULIN_PROVINCE_ADMIN, "45", one).statusCode(403).body("errors[0].rule", equalTo("within-jurisdiction"));
        upload(GUANGDONG, "45", one).statusCode(403).contentType("application/problem+json");
        upload(Api.READER, "45", one).statusCode(403);
        upload(GUANGXI, "00", one).statusCode(400).body("errors[0].field", equalTo("province"));
        upload(GUANGXI, "4509", one).statusCode(400).body("errors[0].rule", equalTo("province-code"));
        as(Api.READER).queryParam("scope", "4").get("/api/v1/techniques").then().statusCode(400)
                .body("errors[0].field", equalTo("scope"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyTakesEffectOnce() {
        String first = HEADER + "ACUPUNCTURE,针刺类,HB_01,毫针,,\r\n";
        String token = TestTokens.token("42", "province-admin");
        upload(token, "42", "k-42-1", first.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("changedClasses", contains("ACUPUNCTURE"));
        upload(token, "42", "k-42-1", first.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .header("Idempotent-Replayed", "true").body("changedClasses", contains("ACUPUNCTURE"));
        upload(token, "42", "k-42-1", (first + "ACUPUNCTURE,针刺类,HB_02,耳针,,\r\n").getBytes(StandardCharsets.UTF_8))
                .statusCode(422).body("errors[0].rule", equalTo("key-reused"));
        as(Api.READER).queryParam("scope", "42").get("/api/v1/techniques/ACUPUNCTURE").then().header("ETag", "\"1\"")
                .body("items.code", equalTo(List.of("HB_01")));
    }
}
