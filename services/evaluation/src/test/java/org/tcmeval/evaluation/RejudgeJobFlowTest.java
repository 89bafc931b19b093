package org.tcmeval.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tcmeval.evaluation.EvaluationFlowTest.RATIO;
import static org.tcmeval.evaluation.EvaluationFlowTest.awaitRatio;
import static org.tcmeval.evaluation.EvaluationFlowTest.institution;
import static org.tcmeval.evaluation.EvaluationFlowTest.publishProfile;
import static org.tcmeval.evaluation.EvaluationFlowTest.ratioOf;
import static org.tcmeval.evaluation.EvaluationFlowTest.report;
import static org.tcmeval.evaluation.EvaluationFlowTest.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.TargetSpec;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.Nature;
import org.tcmeval.targets.Source;
import org.tcmeval.testing.InfraResource;

/**
 * Re-judging after a target-profile change is a durable background job (issue 8 item 7): the reports'
 * path never waits for it, and a job left in the table (as a crash leaves it) is finished by the poll.
 * 海城区 (450502, 北海市) and 2009 are this class's own.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class RejudgeJobFlowTest {

    @Inject
    Pool pool;

    @BeforeAll
    static void profiles() {
        EvaluationFlowTest.catalogPublishesItsProfiles();
    }

    long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    void awaitNoOpenJob() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from rejudge_job where phase <> 'DONE'") == 0);
    }

    @Test
    void reportsKeepBeingAbsorbedWhileAReJudgingJobWaits() {
        int year = 2009;
        String a = institution("450502100", 0, UUID.randomUUID().toString(), year);
        send(report(UUID.randomUUID().toString(), 1, a, year, 8, 2));
        awaitRatio("450502", year, "25", "MET");                  // 2/8 = 25% >= Guangxi's 25%
        awaitNoOpenJob();
        // Hold A's institution lock, as a long transaction on A would: the job's first batch (A's report,
        // the only one of 海城区 so far) waits for it.
        SqlConnection held = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        try {
            held.query("select pg_advisory_lock(hashtext('institution:" + a + "'))").execute()
                    .await().atMost(Duration.ofSeconds(10));
            // 海城区 adopts its own target: TCM physician ratio >= 30%.
            publishProfile("haicheng-test", "450502", 1, "guangxi-2022", List.of(new TargetSpec(RATIO,
                    Comparator.AT_LEAST, new BigDecimal("30"), null, 2025, Nature.EXPECTED, null, null, null,
                    new Source("test", "a county's own plan"))));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    count("select count(*) from rejudge_job where profile_id = 'haicheng-test' and phase = 'REAPPLY'") == 1
                            && count("select count(*) from pg_locks where locktype = 'advisory' and not granted") > 0);
            // A second centre registers and reports while the job waits; the report is absorbed and judged
            // against the new target: (2 + 3) / (8 + 12) = 5/20 = 25% < 30%: NOT_MET, both centres decided.
            String b = institution("450502101", 0, UUID.randomUUID().toString(), year);
            send(report(UUID.randomUUID().toString(), 1, b, year, 12, 3));
            awaitRatio("450502", year, "25", "NOT_MET");
            assertThat(ratioOf("450502", year).getLong("unitsDecided")).isEqualTo(2);
            assertThat(ratioOf("450502", year).getString("profileId")).isEqualTo("haicheng-test");
            assertThat(count("select count(*) from rejudge_job where profile_id = 'haicheng-test' and phase = 'REAPPLY'"))
                    .as("the job is still waiting on A").isEqualTo(1);
        } finally {
            held.query("select pg_advisory_unlock_all()").execute().await().atMost(Duration.ofSeconds(10));
            held.close().await().atMost(Duration.ofSeconds(10));
        }
        awaitNoOpenJob();
        awaitRatio("450502", year, "25", "NOT_MET");
        awaitRatio("4505", year, "25", "MET");                    // 北海市 is still held to Guangxi's 25%
    }

    @Test
    void aJobLeftInTheTableIsFinishedByThePoll() {
        // As a crash between two batches leaves it: re-judging phase, cursor part-way through 海城区's results.
        awaitNoOpenJob();
        pool.query("insert into rejudge_job (profile_id, revision, prefix, phase, after_unit, after_indicator, after_year)"
                + " values ('left-behind', 1, '4505', 'REJUDGE', '4505', 'A', 0)").execute()
                .await().atMost(Duration.ofSeconds(10));
        awaitNoOpenJob();
        assertThat(count("select batches from rejudge_job where profile_id = 'left-behind'")).isPositive();
    }
}
