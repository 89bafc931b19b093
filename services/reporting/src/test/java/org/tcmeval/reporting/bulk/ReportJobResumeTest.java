package org.tcmeval.reporting.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcmeval.testing.InfraResource;

/**
 * 202 means the job is durably recorded, not that it is being processed: with the runner off (as
 * when the process dies right after answering) the job stays QUEUED with its upload, and the
 * start-up path of the next process works it off.
 */
@QuarkusTest
@TestProfile(ReportJobResumeTest.RunnerOff.class)
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ReportJobResumeTest {

    public static class RunnerOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tcm.report-jobs.run", "false");
        }
    }

    @Inject
    ReportJobRunner runner;

    @Test
    void anAcceptedJobWaitsForTheRunnerAndIsResumedAtStartUp() throws InterruptedException {
        String body = "{\"reports\": [{\"divisionCode\": \"450922\", \"period\": \"2024\", \"figures\": "
                + "{\"residentPopulation\": 880000}}, {\"divisionCode\": \"450923\", \"period\": \"2024\", \"figures\": "
                + "{\"residentPopulation\": 1400000}}]}";
        String location = ReportJobTest.post(ReportJobTest.PLATFORM, "application/json", body, null).then()
                .statusCode(202).body("state", equalTo("QUEUED")).extract().header("Location");
        Thread.sleep(1500);
        given().auth().oauth2(ReportJobTest.PLATFORM).get(location).then().statusCode(200)
                .body("state", equalTo("QUEUED")).body("rowsTotal", equalTo(2)).body("rowsDone", equalTo(0));
        runner.start();
        JsonPath job = ReportJobTest.finished(location);
        assertThat(job.getString("state")).isEqualTo("COMPLETED");
        assertThat(job.getInt("created")).isEqualTo(2);
    }
}
