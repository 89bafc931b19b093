package org.tcmeval.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.Topics;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TestTokens;
import org.tcmeval.testing.TopicWriter;

/**
 * Worklists and completeness of one county (450903) that no other test writes to. Today is
 * 2025-02-15 in the test profile: 2024's window (2025-01-01 .. 2025-03-31) is open, 2022's closed.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class WorklistTest {

    static final String REPORTER = TestTokens.tokenOf("wl-reporter", "450903", "institution-reporter");
    static final String REVIEWER = TestTokens.tokenOf("wl-reviewer", "450903", "county-reviewer");
    static final String NEIGHBOUR = TestTokens.tokenOf("wl-neighbour", "450902", "county-reviewer");

    static String approvedA;
    static String returnedB;
    static String missingC;
    static String draftD;

    static String institution(InstitutionType type, String township, LocalDate closedOn) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send(Topics.INSTITUTION_CHANGED, id, EventEnvelope.of("/institution-registry",
                EventTypes.INSTITUTION_CHANGED, id, InstitutionChanged.VERSION, new InstitutionChanged(id, 0,
                        "福绵测试机构 " + id.substring(0, 4), type, township, "450903", LocalDate.of(1998, 6, 1), closedOn)));
        return id;
    }

    static String submit(String inst, String period) {
        String[] id = new String[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            var r = given().auth().oauth2(REPORTER).contentType(ContentType.JSON).body(Map.of("institutionId", inst,
                    "period", period, "figures", Map.of("physicians", 4))).post("/api/v1/reports");
            id[0] = r.statusCode() == 201 ? r.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    /** Once per class; not @BeforeAll because REST Assured learns the test port only per test. */
    @BeforeEach
    void oneCounty() {
        if (approvedA != null) {
            return;
        }
        approvedA = institution(InstitutionType.THC, "450903100", null);
        returnedB = institution(InstitutionType.THC, "450903100", null);
        missingC = institution(InstitutionType.CHSC, "450903101", null);
        draftD = institution(InstitutionType.VILLAGE_CLINIC, "450903101", null);
        // No indicator reads a private TCM clinic, and the other centre closed before 2024: neither is expected.
        institution(InstitutionType.TCM_CLINIC, "450903101", null);
        institution(InstitutionType.THC, "450903101", LocalDate.of(2023, 1, 1));
        String a = submit(approvedA, "2024");
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("decision", "APPROVE")).post("/api/v1/reports/" + a + "/decisions").then().statusCode(200);
        String b = submit(returnedB, "2024");
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("decision", "RETURN", "comment", "请补充医师数")).post("/api/v1/reports/" + b + "/decisions")
                .then().statusCode(200);
        ReportResourceTest.awaitKnown(draftD, REPORTER);
        given().auth().oauth2(REPORTER).contentType(ContentType.JSON).body(Map.of("institutionId", draftD, "period",
                "2024", "draft", true, "figures", Map.of("tcmCapableStaff", 1))).post("/api/v1/reports")
                .then().statusCode(201);
        ReportResourceTest.awaitKnown(missingC, REPORTER);
    }

    @Test
    void completenessCountsEachChildDivision() {
        // Expected in 2024: A, B (450903100), C, D (450903101) = 4. Received: A and B = 2 -> 2/4 = 50.0%.
        // C never reported and D only saved a draft: 2 missing. The window is still open: nobody is late.
        given().auth().oauth2(REVIEWER).get("/api/v1/completeness/450903/2024").then().statusCode(200)
                .body("windowClosesOn", equalTo("2025-03-31"))
                .body("total.expected", equalTo(4)).body("total.received", equalTo(2))
                .body("total.approved", equalTo(1)).body("total.returned", equalTo(1))
                .body("total.awaitingReview", equalTo(0)).body("total.missing", equalTo(2))
                .body("total.late", equalTo(0)).body("receivedPercent", equalTo(50.0f))
                .body("children.divisionCode", equalTo(List.of("450903100", "450903101")))
                .body("children[0].received", equalTo(2)).body("children[1].expected", equalTo(2))
                .body("children[1].missing", equalTo(2));
        var missing = given().auth().oauth2(REVIEWER).queryParam("limit", 1)
                .get("/api/v1/completeness/450903/2024/missing").then().statusCode(200).extract().jsonPath();
        String cursor = missing.getString("nextCursor");
        var second = given().auth().oauth2(REVIEWER).queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/api/v1/completeness/450903/2024/missing").then().statusCode(200)
                .body("nextCursor", nullValue()).extract().jsonPath();
        assertThat(List.of(missing.getString("items[0].institutionId"), second.getString("items[0].institutionId")))
                .containsExactlyInAnyOrder(missingC, draftD);
        given().auth().oauth2(NEIGHBOUR).get("/api/v1/completeness/450903/2024").then().statusCode(404);
    }

    @Test
    void aClosedWindowMakesTheMissingLate() {
        // 2022: the closed centre still operated (it closed on 2023-01-01), so 5 are expected. A files late,
        // after a reopening; the other 4 are missing after the window closed on 2023-03-31: 1 + 4 = 5 late.
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("until", "2025-03-01"))
                .put("/api/v1/windows/2022/reopenings/" + approvedA).then().statusCode(204);
        submit(approvedA, "2022");
        given().auth().oauth2(REVIEWER).get("/api/v1/completeness/450903/2022").then().statusCode(200)
                .body("total.expected", equalTo(5)).body("total.received", equalTo(1))
                .body("total.missing", equalTo(4)).body("total.late", equalTo(5));
    }

    @Test
    void theWorklistPagesAndExportsTheCountysReports() {
        var first = given().auth().oauth2(REVIEWER).queryParam("division", "450903").queryParam("period", "2024")
                .queryParam("limit", 1).get("/api/v1/reports").then().statusCode(200).extract().jsonPath();
        String cursor = first.getString("nextCursor");
        var second = given().auth().oauth2(REVIEWER).queryParam("division", "450903").queryParam("period", "2024")
                .queryParam("limit", 1).queryParam("cursor", cursor).get("/api/v1/reports").then().statusCode(200)
                .body("nextCursor", nullValue()).extract().jsonPath();
        assertThat(List.of(first.getString("items[0].reporterId"), second.getString("items[0].reporterId")))
                .containsExactlyInAnyOrder(approvedA, returnedB);
        given().auth().oauth2(REVIEWER).queryParam("division", "450903").queryParam("period", "2024")
                .queryParam("status", "RETURNED").get("/api/v1/reports").then().statusCode(200)
                .body("items.reporterId", equalTo(List.of(returnedB)));
        given().auth().oauth2(REVIEWER).queryParam("division", "450903").queryParam("period", "2024")
                .queryParam("status", "DRAFT").get("/api/v1/reports").then().statusCode(200)
                .body("items.reporterId", equalTo(List.of(draftD)));
        // A cursor is bound to its filters; a bad status names the parameter.
        given().auth().oauth2(REVIEWER).queryParam("division", "450903").queryParam("period", "2022")
                .queryParam("cursor", cursor).get("/api/v1/reports").then().statusCode(400)
                .body("errors[0].rule", equalTo("cursor-filters"));
        given().auth().oauth2(REVIEWER).queryParam("status", "LOST").get("/api/v1/reports").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        // The neighbouring county sees none of it.
        given().auth().oauth2(NEIGHBOUR).queryParam("division", "450903").get("/api/v1/reports").then().statusCode(200)
                .body("items.size()", equalTo(0));

        String csv = given().auth().oauth2(REVIEWER).accept("text/csv").queryParam("division", "450903")
                .queryParam("period", "2024").get("/api/v1/reports").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("\uFEFFid,reporterKind,reporterId");
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv).contains(approvedA).contains(returnedB).doesNotContain(draftD);
    }
}
