package org.tcmeval.catalog.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.tcmeval.catalog.ProfileHistory;
import org.tcmeval.catalog.config.CatalogConfig;
import org.tcmeval.catalog.repository.ProfileRepository;
import org.tcmeval.targets.CanonicalProfiles;
import org.tcmeval.targets.TargetProfile;

/**
 * Stores the canonical profiles of libs/targets (national, Guangxi, Yulin, Qinzhou, Inner Mongolia,
 * Beilun) as revision 1 when they are missing, and publishes them like any other change. A profile
 * that exists is left alone — whatever admins have changed since — so a restart changes nothing.
 */
@ApplicationScoped
public class CatalogSeeder {

    /** Subject recorded as the author of seeded revisions. */
    public static final String AUTHOR = "seed:libs/targets";

    @Inject
    CatalogConfig config;

    @Inject
    ProfileRepository profiles;

    @Inject
    ProfileService service;

    @Inject
    ProfileQueryService query;

    @Inject
    Vertx vertx;

    private volatile boolean done;

    void onStart(@Observes StartupEvent event) throws Exception {
        if (!config.seed().enabled()) {
            done = true;
            return;
        }
        // Hibernate Reactive needs a safe duplicated Vert.x context; startup blocks until the seed is in,
        // so the service is never ready with an empty catalog.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<Integer> seeded = new CompletableFuture<>();
        context.runOnContext(ignored -> seed().subscribe().with(seeded::complete, seeded::completeExceptionally));
        int added = seeded.get(config.seed().timeout().toMillis(), TimeUnit.MILLISECONDS);
        Log.debugf("seed: %d canonical profiles added", added);
        done = true;
    }

    public boolean done() {
        return done;
    }

    /** Adds the missing canonical profiles in one transaction; answers how many. Call on a safe Vert.x context. */
    public Uni<Integer> seed() {
        return Panache.withTransaction(() -> profiles.lockTree().chain(query::tree).flatMap(tree -> {
            var divisions = new HashSet<>(tree.values().stream().map(h -> h.profile().divisionCode).toList());
            // CanonicalProfiles.ALL lists parents before children, and its class checked the set as a whole.
            List<TargetProfile> missing = CanonicalProfiles.ALL.stream().filter(p -> !tree.containsKey(p.id())).toList();
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (TargetProfile p : missing) {
                if (divisions.contains(p.divisionCode())) {
                    Log.warnf("seed: division %s already has a profile; canonical profile %s not added",
                            p.divisionCode(), p.id());
                    continue;
                }
                chain = chain.flatMap(n -> service.insert(p, config.seed().effectiveFrom(), AUTHOR).map(h -> n + 1));
            }
            tree.values().forEach(CatalogSeeder::warnIfDrifted);
            return chain;
        }));
    }

    /** A stored seed that no longer matches libs/targets is kept (admins may rely on it), but said so. */
    private static void warnIfDrifted(ProfileHistory h) {
        CanonicalProfiles.byId(h.id()).ifPresent(canonical -> h.revision(1)
                .filter(first -> AUTHOR.equals(first.changedBy))
                .filter(first -> !new HashSet<>(h.at(first).targets()).equals(new HashSet<>(canonical.targets())))
                .ifPresent(first -> Log.warnf("seed: profile %s revision 1 differs from libs/targets; "
                        + "apply the library's change with PUT if it is meant to take effect", h.id())));
    }
}
