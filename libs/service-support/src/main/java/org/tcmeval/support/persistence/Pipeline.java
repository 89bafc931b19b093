package org.tcmeval.support.persistence;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Writes of one transaction that are sent without waiting for their answers, so PostgreSQL runs them
 * while the service computes. A connection runs its statements in the order they were sent, so
 * sending a write right behind a read ({@link #behind}) lets the service work on the read's rows
 * while the write runs, instead of waiting for each in turn. Only writes that no statement sent
 * before them needs may be queued; a statement sent after them sees their effects.
 *
 * <p>The answers still count: {@link #around} waits for every write sent before the work's Uni
 * completes (so before the transaction commits) and fails with the first write that failed: once one
 * has, PostgreSQL refuses every later statement of the transaction, and that refusal is not the cause.
 * Call on the session's Vert.x context, like {@link SessionSql}.
 */
public final class Pipeline {

    private final List<Supplier<Uni<Integer>>> queued = new ArrayList<>();
    private final List<CompletableFuture<Integer>> sent = new ArrayList<>();

    /** Queues {@code sql} for rows given as columns, one statement per {@code chunkSize} rows (see {@link BulkSql#executeColumns}). */
    public void queue(String sql, int chunkSize, Object[]... columns) {
        int rows = columns.length == 0 ? 0 : columns[0].length;
        String statement = SessionSql.positional(sql);
        for (int from = 0; from < rows; from += chunkSize) {
            Object[] chunk = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                chunk[i] = from == 0 && rows <= chunkSize ? columns[i]
                        : Arrays.copyOfRange(columns[i], from, Math.min(rows, from + chunkSize));
            }
            queued.add(() -> SessionSql.update(statement, chunk));
        }
    }

    /** Sends every queued write now, in the order queued. */
    public void send() {
        List<Supplier<Uni<Integer>>> now = List.copyOf(queued);
        queued.clear();
        for (Supplier<Uni<Integer>> write : now) {
            // Subscribing sends: the session is at hand on this context, so the statement is on the
            // connection before the next one is.
            sent(write.get().subscribeAsCompletionStage());
        }
    }

    /** A write on its way; its answer is waited for by {@link #around}. */
    void sent(CompletableFuture<Integer> answer) {
        sent.add(answer);
    }

    /** Sends {@code read}, then the queued writes behind it, and answers the read's result. */
    public <T> Uni<T> behind(Uni<T> read) {
        CompletableFuture<T> answer = read.subscribeAsCompletionStage();
        send();
        return Uni.createFrom().completionStage(answer);
    }

    /**
     * Runs {@code work}, then sends what is still queued and waits for every write sent. Fails when the
     * work or a write failed, with the failure that is the cause (see {@link #rootCause}).
     */
    public <T> Uni<T> around(Supplier<Uni<T>> work) {
        return Uni.createFrom().<T>deferred(work::get)
                .onItemOrFailure().transformToUni((item, failure) -> {
                    send();
                    return Uni.createFrom().completionStage(CompletableFuture.allOf(sent.stream()
                                    .map(f -> f.handle((n, e) -> null)).toArray(CompletableFuture[]::new)))
                            .onItem().transformToUni(settled -> {
                                Throwable cause = rootCause(failure);
                                return cause != null ? Uni.createFrom().<T>failure(cause) : Uni.createFrom().item(item);
                            });
                });
    }

    /**
     * Which failure to report: PostgreSQL fails the first statement that goes wrong with its own error
     * and every later one of the transaction with 25P02 (transaction aborted), so the one failure that
     * is not 25P02 is the cause, whether the work's or a sent write's. The cause decides what happens
     * next (a deadlock is retried, a constraint violation is not), so a 25P02 must never stand in for it.
     */
    private Throwable rootCause(Throwable workFailure) {
        List<Throwable> failures = new ArrayList<>();
        if (workFailure != null) {
            failures.add(workFailure);
        }
        sent.stream().filter(CompletableFuture::isCompletedExceptionally).map(Pipeline::cause).forEach(failures::add);
        return failures.stream().filter(f -> !aborted(f)).findFirst().orElse(failures.isEmpty() ? null : failures.get(0));
    }

    /** Whether {@code failure} is PostgreSQL refusing a statement because an earlier one failed (25P02). */
    static boolean aborted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException e && "25P02".equals(e.getSQLState())
                    || t instanceof io.vertx.pgclient.PgException p && "25P02".equals(p.getSqlState())
                    || String.valueOf(t.getMessage()).contains("(25P02)")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Throwable cause(CompletableFuture<?> failed) {
        try {
            failed.join();
            throw new IllegalStateException("not failed");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }
}
