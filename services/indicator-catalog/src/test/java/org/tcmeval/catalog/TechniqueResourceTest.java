package org.tcmeval.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.tcmeval.catalog.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.TechniqueClassChanged;
import org.tcmeval.events.Topics;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TopicReader;

/** The technique catalogue (中医药适宜技术): seeded by migration, maintained by catalog admins, published as events. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class TechniqueResourceTest {

    static Map<String, Object> item(String code, String nameZh) {
        return Map.of("code", code, "nameZh", nameZh);
    }

    static Map<String, Object> tuina(List<Map<String, Object>> items) {
        return Map.of("nameZh", "推拿类", "nameEn", "Tuina", "sortOrder", 3, "items", items);
    }

    @Test
    void theMigrationSeedsTenClassesAndTheNineNeedlingTechniquesFromTheGuideline() {
        var catalogue = as(Api.READER).get("/api/v1/techniques").then().statusCode(200).extract().jsonPath();
        // domain brief, "TCM appropriate techniques": the ten classes of the grassroots promotion catalogues.
        assertThat(catalogue.getList("nameZh", String.class)).containsExactly("针刺类", "灸类", "推拿类", "刮痧类",
                "拔罐类", "敷熨熏浴类", "中医微创类", "骨伤类", "肛肠类", "其他类");
        assertThat(catalogue.getList("code", String.class).get(0)).isEqualTo("ACUPUNCTURE");
        // 2017 infection-control guideline: 针刺类 holds 毫针, 耳针, 三棱针, 芒针, 皮内针, 火针, 皮肤针, 鍉针, 浮针.
        as(Api.READER).get("/api/v1/techniques/ACUPUNCTURE").then().statusCode(200).header("ETag", "\"2\"")
                .body("scope", equalTo("00")).body("activeItems", equalTo(9))
                .body("items.provisional", everyItem(equalTo(false)))
                .body("items.source", everyItem(containsString("中医医疗技术相关性感染预防与控制指南")))
                .body("items.nameZh", equalTo(List.of("毫针", "耳针", "三棱针", "芒针", "皮内针", "火针", "皮肤针", "鍉针", "浮针")))
                .body("items[0].code", equalTo("ACUPUNCTURE_FILIFORM"));
        as(Api.READER).get("/api/v1/techniques/ACUPUNCTURE/revisions/1").then().statusCode(200)
                .body("items.code", org.hamcrest.Matchers.hasItems("ACUPUNCTURE_DI", "ACUPUNCTURE_FU"))
                .body("changedBy", equalTo("flyway:V3"));
        // The other seeded items come from no source document: labelled provisional, in revision 2.
        as(Api.READER).get("/api/v1/techniques/MOXIBUSTION").then().statusCode(200)
                .body("revision", equalTo(2)).body("changedBy", equalTo("flyway:V4"))
                .body("items.provisional", everyItem(equalTo(true)))
                .body("items.source", everyItem(startsWith("provisional: no source document")));
        as(Api.READER).get("/api/v1/techniques/ACUPUNCTURE/revisions/2").then().statusCode(200)
                .body("items[0].provisional", equalTo(false)).body("changedBy", equalTo("flyway:V4"));
        as(Api.READER).get("/api/v1/techniques/items/ACUPUNCTURE_FU").then().statusCode(200)
                .body("classCode", equalTo("ACUPUNCTURE")).body("nameZh", equalTo("浮针"))
                .body("provisional", equalTo(false));
        as(Api.READER).get("/api/v1/techniques/NO_SUCH_CLASS").then().statusCode(404)
                .contentType("application/problem+json");

        // The seed is published like any change, so consumers learn the catalogue from the topic.
        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.TECHNIQUE_CHANGED)) {
            var record = reader.await(r -> "ACUPUNCTURE".equals(r.key())
                    && EventJson.read(r.value(), TechniqueClassChanged.class).data().revision() == 2,
                    Duration.ofSeconds(20));
            TechniqueClassChanged seeded = EventJson.read(record.value(), TechniqueClassChanged.class).data();
            assertThat(seeded.scope()).isEqualTo("00");
            assertThat(seeded.items()).extracting(TechniqueClassChanged.Item::code).hasSize(9)
                    .contains("ACUPUNCTURE_DI", "ACUPUNCTURE_FU");
            assertThat(seeded.items()).extracting(TechniqueClassChanged.Item::provisional).containsOnly(false);
        }
    }

    @Test
    void anAdminMaintainsAClassAndLeftOutItemsAreRetiredNotDeleted() {
        var two = tuina(List.of(item("TUINA_PAEDIATRIC", "小儿推拿"), item("TUINA_SPINE", "脊柱推拿")));
        as(Api.NATIONAL_CATALOG_ADMIN).body(two).put("/api/v1/techniques/TUINA").then().statusCode(428)
                .contentType("application/problem+json");
        as(Api.NATIONAL_CATALOG_ADMIN).header("If-Match", "\"7\"").body(two).put("/api/v1/techniques/TUINA").then()
                .statusCode(412);
        as(Api.NATIONAL_CATALOG_ADMIN).header("If-Match", "\"2\"").body(two).put("/api/v1/techniques/TUINA").then()
                .statusCode(200).header("ETag", "\"3\"").body("revision", equalTo(3)).body("activeItems", equalTo(2))
                .body("items.provisional", everyItem(equalTo(true)))
                .body("items[0].source", equalTo(TechniqueRules.NO_SOURCE));

        var one = tuina(List.of(item("TUINA_PAEDIATRIC", "小儿推拿")));
        as(Api.NATIONAL_CATALOG_ADMIN).header("If-Match", "\"3\"").body(one).put("/api/v1/techniques/TUINA").then()
                .statusCode(200).body("revision", equalTo(4)).body("activeItems", equalTo(1))
                .body("items.find { it.code == 'TUINA_SPINE' }.retired", equalTo(true));
        as(Api.READER).get("/api/v1/techniques/items/TUINA_SPINE").then().statusCode(200)
                .body("retired", equalTo(true));
        // Revision 3 is kept as it was published.
        as(Api.READER).get("/api/v1/techniques/TUINA/revisions/3").then().statusCode(200)
                .body("items.find { it.code == 'TUINA_SPINE' }.retired", equalTo(false));
        // The same content again changes nothing.
        as(Api.NATIONAL_CATALOG_ADMIN).header("If-Match", "\"4\"").body(one).put("/api/v1/techniques/TUINA").then()
                .statusCode(200).body("revision", equalTo(4));
        // Naming the source makes an item non-provisional; not provisional without a source is refused.
        var sourced = tuina(List.of(Map.of("code", "TUINA_PAEDIATRIC", "nameZh", "小儿推拿", "provisional", false,
                "source", "某省基层中医药适宜技术推广目录")));
        as(Api.NATIONAL_CATALOG_ADMIN).header("If-Match", "\"4\"").body(tuina(List.of(Map.of("code", "TUINA_PAEDIATRIC",
                "nameZh", "小儿推拿", "provisional", false)))).put("/api/v1/techniques/TUINA").then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].source")).body("errors[0].rule", equalTo("source-required"));
        as(Api.NATIONAL_CATALOG_ADMIN).header("If-Match", "\"4\"").body(sourced).put("/api/v1/techniques/TUINA").then()
                .statusCode(200).body("revision", equalTo(5)).body("items[0].provisional", equalTo(false))
                .body("items[0].source", equalTo("某省基层中医药适宜技术推广目录"));

        try (TopicReader reader = new TopicReader(InfraResource.bootstrapServers(), Topics.TECHNIQUE_CHANGED)) {
            var record = reader.await(r -> "TUINA".equals(r.key())
                    && EventJson.read(r.value(), TechniqueClassChanged.class).data().revision() == 4, Duration.ofSeconds(20));
            var event = EventJson.read(record.value(), TechniqueClassChanged.class).data();
            assertThat(event.items()).extracting(TechniqueClassChanged.Item::code, TechniqueClassChanged.Item::retired)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("TUINA_PAEDIATRIC", false),
                            org.assertj.core.groups.Tuple.tuple("TUINA_SPINE", true));
            assertThat(event.changedBy()).isEqualTo("user-00");
        }
    }

    @Test
    void aNewClassStartsAtRevisionOne() {
        as(Api.NATIONAL_CATALOG_ADMIN).body(Map.of("nameZh", "灌肠类", "nameEn", "Enema", "sortOrder", 11,
                "items", List.of(item("ENEMA_HERBAL", "中药灌肠")))).put("/api/v1/techniques/ENEMA").then()
                .statusCode(201).header("ETag", "\"1\"").body("items[0].code", equalTo("ENEMA_HERBAL"));
    }

    @Test
    void badCodesAndNonAdminsAreRefused() {
        var stolen = Map.of("nameZh", "肛肠类", "nameEn", "Anorectal techniques", "sortOrder", 9,
                "items", List.of(item("ACUPUNCTURE_FU", "浮针")));
        as(Api.NATIONAL_CATALOG_ADMIN).header("If-Match", "\"2\"").body(stolen).put("/api/v1/techniques/ANORECTAL").then()
                .statusCode(400).body("errors[0].field", equalTo("items[0].code"))
                .body("errors[0].rule", equalTo("item-of-another-class"));
        var malformed = Map.of("nameZh", "肛肠类", "nameEn", "Anorectal techniques", "sortOrder", 9,
                "items", List.of(item("anorectal-ligation", "结扎"), item("ANORECTAL_X", "甲"), item("ANORECTAL_X", "乙")));
        as(Api.NATIONAL_CATALOG_ADMIN).header("If-Match", "\"2\"").body(malformed).put("/api/v1/techniques/ANORECTAL").then()
                .statusCode(400).body("errors.rule", equalTo(List.of("code-format", "unique-in-class")))
                .body("errors.field", equalTo(List.of("items[0].code", "items[2].code")));
        as(Api.NATIONAL_CATALOG_ADMIN).body(Map.of("nameZh", "", "nameEn", "x", "sortOrder", 1, "items", List.of()))
                .put("/api/v1/techniques/ANORECTAL").then().statusCode(400).body("errors[0].field", equalTo("nameZh"));
        as(Api.READER).header("If-Match", "\"2\"").body(stolen).put("/api/v1/techniques/ANORECTAL").then()
                .statusCode(403).contentType("application/problem+json");
        // A province's catalog admin edits their own province's list and profiles, not the national list.
        as(Api.GUANGXI_ADMIN).header("If-Match", "\"2\"").body(stolen).put("/api/v1/techniques/ANORECTAL").then()
                .statusCode(403).contentType("application/problem+json")
                .body("errors[0].rule", equalTo("national-catalogue"));
        io.restassured.RestAssured.given().get("/api/v1/techniques").then().statusCode(401);
        as(Api.READER).get("/api/v1/techniques/ANORECTAL").then().statusCode(200).body("revision", equalTo(2));
    }
}
