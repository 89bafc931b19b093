package org.tcmeval.evaluation.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.tcmeval.targets.CanonicalProfiles;
import org.tcmeval.targets.TargetResolver;
import org.tcmeval.targets.TargetResolver.ResolvedTarget;

/**
 * The targets evaluation judges against. Today the canonical profiles of libs/targets; when the
 * catalog publishes profile changes, this becomes a projection of those events, and nothing that
 * asks it changes.
 */
@ApplicationScoped
public class TargetCatalog {

    private final TargetResolver resolver = new TargetResolver(CanonicalProfiles.ALL);

    public Optional<ResolvedTarget> resolve(String divisionCode, String indicatorCode) {
        return resolver.resolve(divisionCode, indicatorCode);
    }
}
