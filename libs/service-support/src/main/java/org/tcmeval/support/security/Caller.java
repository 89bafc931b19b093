package org.tcmeval.support.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, from its validated token. Resources inject this (request
 * scoped) rather than a {@link Jurisdiction}, because resources are singletons.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    private Jurisdiction jurisdiction;

    /** The caller's jurisdiction; 401 without a token, 403 when the token carries no valid division. */
    public Jurisdiction jurisdiction() {
        if (jurisdiction == null) {
            jurisdiction = resolve();
        }
        return jurisdiction;
    }

    /** Stable id of the caller (token subject), for audit trails and idempotency scopes. */
    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private Jurisdiction resolve() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new UnauthorizedException();
        }
        Object claim = jwt.getClaim(Jurisdiction.CLAIM);
        if (claim == null) {
            throw new ForbiddenException("token has no division claim");
        }
        Object institution = jwt.getClaim(Jurisdiction.INSTITUTION_CLAIM);
        try {
            return new Jurisdiction(claim.toString().replace("\"", ""), identity.getRoles(),
                    institution == null ? null : institution.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException(e.getMessage());
        }
    }
}
