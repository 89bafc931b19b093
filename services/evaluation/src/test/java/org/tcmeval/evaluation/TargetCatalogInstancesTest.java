package org.tcmeval.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tcmeval.evaluation.EvaluationFlowTest.publishProfile;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcmeval.evaluation.service.TargetCatalog;
import org.tcmeval.events.TargetSpec;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.Nature;
import org.tcmeval.targets.Source;
import org.tcmeval.testing.InfraResource;

/**
 * Issue 8 item 5: instances share one consumer group for {@code catalog-changed}, so only one of them
 * projects a change. Another instance's catalog, which no consumer ever tells, must still judge with
 * the new revision once it is stored. The profile, its division 柳州市 (4502) and the year 2031 belong
 * to no other test.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "evaluation"))
class TargetCatalogInstancesTest {

    static final String PROFILE = "liuzhou-instances-test";

    @Inject
    Pool pool;

    @Inject
    TargetCatalog local;

    static List<TargetSpec> ratioAtLeast(String percent) {
        return List.of(new TargetSpec("TCM_PHYSICIAN_RATIO", Comparator.AT_LEAST, new BigDecimal(percent), null, 2025,
                Nature.EXPECTED, null, null, null, new Source("test", "a city's own plan")));
    }

    long storedRevision() {
        var rows = pool.preparedQuery("select revision from target_profile_ref where profile_id = $1")
                .execute(Tuple.of(PROFILE)).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? -1 : rows.iterator().next().getLong("revision");
    }

    /** The threshold a catalog resolves for a 柳州 county in 2031, read as a request would (own session). */
    static BigDecimal threshold(TargetCatalog catalog) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                catalog.resolve("450202", "TCM_PHYSICIAN_RATIO", 2031)))
                .map(t -> t.target().threshold()).orElse(null);
    }

    @Test
    void anInstanceThatNeverHeardOfAChangeJudgesWithIt() throws Throwable {
        // A second instance's catalog: the same database, but it is nobody's consumer, so nobody invalidates it.
        TargetCatalog other = new TargetCatalog();
        publishProfile(PROFILE, "4502", 1, "guangxi-2022", ratioAtLeast("18"));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRevision() == 1);
        assertThat(threshold(other)).isEqualByComparingTo("18");

        // Revision 2 raises the target to 20%; this instance's consumer stores it (and tells only `local`).
        publishProfile(PROFILE, "4502", 2, "guangxi-2022", ratioAtLeast("20"));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRevision() == 2);
        assertThat(threshold(local)).isEqualByComparingTo("20");
        // Before the stored revisions were checked on reading, `other` kept its cached 18 until it restarted.
        assertThat(threshold(other)).isEqualByComparingTo("20");
    }
}
