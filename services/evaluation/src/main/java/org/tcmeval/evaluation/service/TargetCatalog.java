package org.tcmeval.evaluation.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.tcmeval.evaluation.TargetProfileRef;
import org.tcmeval.events.Json;
import org.tcmeval.events.TargetProfileChanged;
import org.tcmeval.targets.TargetProfile;
import org.tcmeval.targets.TargetResolver.ResolvedTarget;
import org.tcmeval.targets.TargetResolver;

/**
 * The targets evaluation judges against: the catalog's profiles as its events delivered them
 * (table {@code target_profile_ref}), resolved for the year being judged, so a revision that takes
 * effect in 2026 never changes how 2025 is judged. Kept in memory and reloaded after each change.
 */
@ApplicationScoped
public class TargetCatalog {

    /** The profiles as loaded at one generation, with the resolvers built from them per year. */
    private record Snapshot(long generation, List<TargetProfileChanged> profiles, Map<Integer, TargetResolver> resolvers) {
    }

    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    /** The target for a division, indicator and year; empty when no profile in force sets one. */
    public Uni<Optional<ResolvedTarget>> resolve(String divisionCode, String indicatorCode, int year) {
        return resolver(year).map(r -> r.resolve(divisionCode, indicatorCode));
    }

    /** The profiles in force in {@code year}, as one resolver. */
    public Uni<TargetResolver> resolver(int year) {
        return snapshot().map(s -> s.resolvers().computeIfAbsent(year, y -> new TargetResolver(withKnownParents(
                s.profiles().stream().map(p -> p.profileInForce(y)).flatMap(Optional::stream).toList()))));
    }

    /**
     * The profiles whose parent chain is complete. Replaying catalog-changed reads its partitions in any
     * order, so a province's profile can arrive before the national one it inherits from: it waits for its
     * parent (judging goes on without it), and the parent's own change re-judges everything below it.
     */
    static List<TargetProfile> withKnownParents(List<TargetProfile> profiles) {
        List<TargetProfile> kept = profiles;
        while (true) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            kept.forEach(p -> ids.add(p.id()));
            List<TargetProfile> next = kept.stream().filter(p -> p.parentId() == null || ids.contains(p.parentId()))
                    .toList();
            if (next.size() == kept.size()) {
                return kept;
            }
            kept = next;
        }
    }

    /**
     * A resolver holding only {@code profileId} (as in force in {@code year}) and the profiles it
     * inherits from, so that every division it covers is judged against it rather than against the
     * profile nearest to the division; empty when the catalog has no such profile in force then.
     */
    public Uni<Optional<Map.Entry<TargetProfile, TargetResolver>>> chosen(String profileId, int year) {
        return snapshot().map(s -> {
            Map<String, TargetProfile> inForce = new java.util.HashMap<>();
            s.profiles().forEach(p -> p.profileInForce(year).ifPresent(t -> inForce.put(t.id(), t)));
            TargetProfile chosen = inForce.get(profileId);
            if (chosen == null) {
                return Optional.empty();
            }
            List<TargetProfile> chain = new java.util.ArrayList<>();
            for (TargetProfile p = chosen; p != null && chain.size() < 16; p = p.parentId() == null ? null
                    : inForce.get(p.parentId())) {
                chain.add(p);
            }
            return Optional.of(Map.entry(chosen, new TargetResolver(chain)));
        });
    }

    /**
     * Drops what is cached; the next resolve reads the projection again. Call after a change commits.
     * A load that began before the call is used once but never cached, so a scorecard read racing a
     * catalog change cannot pin the old profiles.
     */
    public void invalidate() {
        generation.incrementAndGet();
        snapshot.set(null);
    }

    private Uni<Snapshot> snapshot() {
        Snapshot cached = snapshot.get();
        long g = generation.get();
        if (cached != null && cached.generation() == g) {
            return Uni.createFrom().item(cached);
        }
        return TargetProfileRef.<TargetProfileRef>listAll().map(rows -> {
            Snapshot loaded = new Snapshot(g, rows.stream().map(r -> read(r.payload)).toList(), new ConcurrentHashMap<>());
            if (generation.get() == g) {
                snapshot.set(loaded);
            }
            return loaded;
        });
    }

    static TargetProfileChanged read(String json) {
        return Json.read(json, TargetProfileChanged.class);
    }

    static String write(TargetProfileChanged p) {
        return Json.write(p);
    }
}
