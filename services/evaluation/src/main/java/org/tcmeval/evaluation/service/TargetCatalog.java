package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
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
 *
 * <p><b>Every instance sees every change.</b> {@code catalog-changed} is read by the instances'
 * shared consumer group, so only the instance that owns its partition projects a change and calls
 * {@link #invalidate()}; the others never hear of it. Each read therefore first compares the
 * profiles' revisions stored in the database (one statement over a handful of rows) with those the
 * cached profiles were loaded at, and reloads when they differ. Applying reports holds
 * {@link #lockShared()} before resolving, and the projection stores a change under the exclusive
 * lock, so a batch applied by another instance while a change commits either commits first (and the
 * change's re-judging job re-applies it) or reads the new revision.
 */
@ApplicationScoped
public class TargetCatalog {

    /** The profiles as loaded at one generation, with the resolvers built from them per year. */
    private record Snapshot(long generation, String version, List<TargetProfileChanged> profiles,
            Map<Integer, TargetResolver> resolvers) {
    }

    /** The stored profiles' ids and revisions, as one string: it changes with every projected change. */
    private static final String VERSION = "select coalesce(string_agg(profile_id || ':' || revision, ','"
            + " order by profile_id), '') from target_profile_ref";

    private static final String LOCK = "hashtext('target-catalog')";

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

    /**
     * Held shared until the caller's transaction ends by whoever applies reports (call it before
     * {@link #resolver}); {@link #lockExclusive()} by the projection storing a change.
     */
    public static Uni<Void> lockShared() {
        return lock("pg_advisory_xact_lock_shared");
    }

    static Uni<Void> lockExclusive() {
        return lock("pg_advisory_xact_lock");
    }

    private static Uni<Void> lock(String function) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select 1 from (select " + function + "(" + LOCK
                + ")) l", Integer.class).getResultList()).replaceWithVoid();
    }

    private Uni<Snapshot> snapshot() {
        // A separate statement after any lock the caller took: it sees every change committed before.
        return Panache.getSession().chain(s -> s.createNativeQuery(VERSION, String.class).getSingleResult())
                .chain(version -> {
                    Snapshot cached = snapshot.get();
                    long g = generation.get();
                    if (cached != null && cached.generation() == g && cached.version().equals(version)) {
                        return Uni.createFrom().item(cached);
                    }
                    return TargetProfileRef.<TargetProfileRef>listAll().map(rows -> {
                        // The version of the rows read, not of the check: a change between the two reloads again.
                        String loadedVersion = String.join(",", rows.stream()
                                .sorted(java.util.Comparator.comparing((TargetProfileRef r) -> r.profileId))
                                .map(r -> r.profileId + ":" + r.revision).toList());
                        Snapshot loaded = new Snapshot(g, loadedVersion, rows.stream().map(r -> read(r.payload)).toList(),
                                new ConcurrentHashMap<>());
                        if (generation.get() == g) {
                            snapshot.set(loaded);
                        }
                        return loaded;
                    });
                });
    }

    static TargetProfileChanged read(String json) {
        return Json.read(json, TargetProfileChanged.class);
    }

    static String write(TargetProfileChanged p) {
        return Json.write(p);
    }
}
