package org.tcmeval.support.security;

import java.util.Objects;
import java.util.Set;

/**
 * The part of the division tree (辖区) a caller may see: a GB/T 2260 code prefix taken from the
 * token's {@code division} claim. Prefix semantics make the check one string comparison: a city
 * user (4509) covers every county (4509xx) and township (4509xxxxx) below it.
 *
 * @param divisionCode the caller's division code, e.g. {@code 45}, {@code 4509}, {@code 450902}
 * @param roles the caller's realm roles
 */
public record Jurisdiction(String divisionCode, Set<String> roles) {

    public static final String CLAIM = "division";

    public Jurisdiction {
        Objects.requireNonNull(divisionCode, "divisionCode");
        if (!divisionCode.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
            throw new IllegalArgumentException("division claim must be a 2, 4, 6 or 9 digit GB/T 2260 code: " + divisionCode);
        }
        roles = Set.copyOf(roles);
    }

    /** True when {@code code} lies in this jurisdiction (is the same division or below it). */
    public boolean covers(String code) {
        return code != null && code.startsWith(divisionCode);
    }

    /**
     * The part of {@code requested} this jurisdiction may see: itself when inside, the jurisdiction
     * when an ancestor is asked for (a city user asking for the province sees the city), and
     * {@code null} for a division elsewhere — which callers answer like an empty or missing one, so
     * nothing outside is revealed.
     */
    public String narrow(String requested) {
        if (requested == null || requested.isEmpty() || divisionCode.startsWith(requested)) {
            return divisionCode;
        }
        return covers(requested) ? requested : null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
