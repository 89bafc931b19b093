package org.tcmeval.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What {@link Pipeline#around} answers: the work's item once every write sent is done, or the failure that is the cause. */
class PipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static SQLException sql(String state) {
        return new SQLException("ERROR: something (" + state + ")", state);
    }

    @Test
    void aWriteThatFailedFirstIsTheCauseNotTheAbortedStatementAfterIt() {
        Pipeline p = new Pipeline();
        SQLException deadlock = sql("40P01");
        p.sent(CompletableFuture.failedFuture(new RuntimeException("wrapped", deadlock)));
        // The work's next statement was refused because the transaction was already aborted.
        assertThatThrownBy(() -> p.around(() -> Uni.createFrom().failure(new RuntimeException(sql("25P02"))))
                .await().atMost(WAIT)).hasRootCause(deadlock);
    }

    @Test
    void theWorksOwnFailureIsTheCauseWhenTheWritesWereRefusedAfterIt() {
        Pipeline p = new Pipeline();
        RuntimeException unique = new RuntimeException(sql("23505"));
        p.sent(CompletableFuture.failedFuture(new RuntimeException(sql("25P02"))));
        assertThatThrownBy(() -> p.around(() -> Uni.createFrom().failure(unique)).await().atMost(WAIT))
                .isSameAs(unique);
    }

    @Test
    void aFailedWriteFailsWorkThatSucceeded() {
        Pipeline p = new Pipeline();
        RuntimeException check = new RuntimeException(sql("23514"));
        p.sent(CompletableFuture.failedFuture(check));
        assertThatThrownBy(() -> p.around(() -> Uni.createFrom().item("done")).await().atMost(WAIT)).isSameAs(check);
    }

    @Test
    void answersOnlyOnceEveryWriteSentIsDone() {
        Pipeline p = new Pipeline();
        CompletableFuture<Integer> write = new CompletableFuture<>();
        p.sent(write);
        CompletableFuture<String> answer = p.around(() -> Uni.createFrom().item("done")).subscribeAsCompletionStage();
        assertThat(answer).isNotDone();
        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS).execute(() -> write.complete(3));
        assertThat(answer.orTimeout(5, TimeUnit.SECONDS).join()).isEqualTo("done");
        assertThat(write).isCompletedWithValue(3);
    }

    @Test
    void tellsTheAbortedTransactionFromOtherErrors() {
        assertThat(Pipeline.aborted(new RuntimeException("outer", sql("25P02")))).isTrue();
        assertThat(Pipeline.aborted(new RuntimeException("error executing SQL statement [ERROR: current transaction is"
                + " aborted, commands ignored until end of transaction block (25P02)]"))).isTrue();
        assertThat(Pipeline.aborted(new RuntimeException(sql("40P01")))).isFalse();
        assertThat(Pipeline.aborted(new IllegalStateException("no message"))).isFalse();
    }
}
