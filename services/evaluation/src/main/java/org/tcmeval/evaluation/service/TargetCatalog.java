package org.tcmeval.evaluation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.tcmeval.evaluation.TargetProfileRef;
import org.tcmeval.events.TargetProfileChanged;
import org.tcmeval.targets.TargetResolver;
import org.tcmeval.targets.TargetResolver.ResolvedTarget;

/**
 * The targets evaluation judges against: the catalog's profiles as its events delivered them
 * (table {@code target_profile_ref}), resolved for the year being judged, so a revision that takes
 * effect in 2026 never changes how 2025 is judged. Kept in memory and reloaded after each change.
 */
@ApplicationScoped
public class TargetCatalog {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final AtomicReference<List<TargetProfileChanged>> profiles = new AtomicReference<>();
    private final Map<Integer, TargetResolver> resolvers = new ConcurrentHashMap<>();

    /** The target for a division, indicator and year; empty when no profile in force sets one. */
    public Uni<Optional<ResolvedTarget>> resolve(String divisionCode, String indicatorCode, int year) {
        return profiles().map(all -> resolvers.computeIfAbsent(year, y -> new TargetResolver(all.stream()
                        .map(p -> p.profileInForce(y)).flatMap(Optional::stream).toList()))
                .resolve(divisionCode, indicatorCode));
    }

    /** Drops what is cached; the next resolve reads the projection again. Call after a change commits. */
    public void invalidate() {
        profiles.set(null);
        resolvers.clear();
    }

    private Uni<List<TargetProfileChanged>> profiles() {
        List<TargetProfileChanged> cached = profiles.get();
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return TargetProfileRef.<TargetProfileRef>listAll().map(rows -> {
            List<TargetProfileChanged> loaded = rows.stream().map(r -> read(r.payload)).toList();
            profiles.compareAndSet(null, loaded);
            return loaded;
        });
    }

    static TargetProfileChanged read(String json) {
        try {
            return JSON.readValue(json, TargetProfileChanged.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(TargetProfileChanged p) {
        try {
            return JSON.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
