package org.tcmeval.reporting.deadletter;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.tcmeval.support.deadletter.DeadLetterHandler;

/**
 * A handler whose failures the test decides: a payload "refused:n" meets n transient failures (the
 * database starting up) before it applies; a payload naming a missing thing fails permanently until
 * the test makes it exist, as a record referring to something not yet known would.
 */
@ApplicationScoped
public class FlakyHandler implements DeadLetterHandler {

    static final String CHANNEL = "test-flaky";

    // Read through methods: a test injects the client proxy, whose own fields are not the bean's.
    private final AtomicInteger calls = new AtomicInteger();
    private final Set<String> existing = ConcurrentHashMap.newKeySet();
    private final Set<String> applied = ConcurrentHashMap.newKeySet();

    public int calls() {
        return calls.get();
    }

    public void create(String thing) {
        existing.add(thing);
    }

    public boolean applied(String key) {
        return applied.contains(key);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Uni<Void> handle(String key, String payload) {
        int call = calls.incrementAndGet();
        if (payload.startsWith("refused:") && call <= Integer.parseInt(payload.substring(8))) {
            return Uni.createFrom().failure(new PgException("the database system is starting up", "FATAL", "57P03",
                    null));
        }
        if (payload.startsWith("needs:") && !existing.contains(payload.substring(6))) {
            return Uni.createFrom().failure(new IllegalStateException(payload.substring(6) + " is not known"));
        }
        applied.add(key);
        return Uni.createFrom().voidItem();
    }
}
