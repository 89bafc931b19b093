package org.tcmeval.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
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
 * An institution's own account (a token carrying its institution, by id or by unified social credit
 * code) files and reads only that institution's reports, though its division holds others.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class InstitutionAccountTest {

    static String institution(String township, String uscc) {
        String id = UUID.randomUUID().toString();
        TopicWriter.send(Topics.INSTITUTION_CHANGED, id, EventEnvelope.of("/institution-registry",
                EventTypes.INSTITUTION_CHANGED, id, InstitutionChanged.VERSION, new InstitutionChanged(id, 0,
                        "卫生院 " + uscc, InstitutionType.THC, township, township.substring(0, 6), LocalDate.of(1998, 6, 1),
                        null, uscc, null, null, null, null)));
        return id;
    }

    @Test
    void anInstitutionsAccountFilesAndReadsOnlyItsOwnReports() {
        // Reporting takes the code as the registry checked it; its check character is not judged here.
        String ownUscc = "12450902MC00000118";
        String own = institution("450902100", ownUscc);
        String neighbour = institution("450902100", null);
        String byUscc = TestTokens.forInstitution(ownUscc, "450902100", "institution-reporter");
        String byId = TestTokens.forInstitution(own, "450902100", "institution-reporter");
        String county = TestTokens.token("450902", "institution-reporter");

        String mine = ReportResourceTest.submitWhenKnown(byUscc, ReportResourceTest.report(own, 8, 2));
        String theirs = ReportResourceTest.submitWhenKnown(county, ReportResourceTest.report(neighbour, 8, 1));

        // Filing for the neighbour is refused like an institution outside the jurisdiction.
        given().auth().oauth2(byUscc).contentType(ContentType.JSON).body(Map.of("institutionId", neighbour,
                "period", "2024-Q1", "draft", true, "figures", Map.of("physicians", 1))).post("/api/v1/reports")
                .then().statusCode(422).body("errors[0].rule", equalTo("known-institution"));
        for (String token : new String[] {byUscc, byId}) {
            given().auth().oauth2(token).get("/api/v1/reports/" + mine).then().statusCode(200);
            given().auth().oauth2(token).get("/api/v1/reports/" + theirs).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).get("/api/v1/reports/" + theirs + "/history").then().statusCode(404);
            given().auth().oauth2(token).queryParam("division", "450902").get("/api/v1/reports").then().statusCode(200)
                    .body("items.id", contains(mine));
        }
        // The county's account sees both.
        given().auth().oauth2(county).queryParam("division", "450902100").get("/api/v1/reports").then()
                .statusCode(200).body("items.id", hasItems(mine, theirs));
        // An account bound to an institution reporting does not know sees nothing.
        given().auth().oauth2(TestTokens.forInstitution("12450902MC00000999", "450902100", "institution-reporter"))
                .get("/api/v1/reports").then().statusCode(200).body("items.size()", equalTo(0));
    }
}
