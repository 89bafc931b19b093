package org.tcmeval.support.security;

import java.util.Objects;
import java.util.Set;

/**
 * The part of the division tree (辖区) a caller may see: a GB/T 2260 code prefix taken from the
 * token's {@code division} claim. Prefix semantics make the check one string comparison: a city
 * user (4509) covers every county (4509xx) and township (4509xxxxx) below it. The national level
 * is {@value #NATIONAL} (as the national target profile's division), which covers every division.
 *
 * @param divisionCode the caller's division code, e.g. {@code 00}, {@code 45}, {@code 4509}, {@code 450902}
 * @param roles the caller's realm roles
 * @param institution the institution an institution's own account is bound to (its id or its unified
 *                    social credit code, from the token's {@value #INSTITUTION_CLAIM} claim), or
 *                    {@code null} for an account of the division; it narrows what reporting shows
 */
public record Jurisdiction(String divisionCode, Set<String> roles, String institution) {

    public static final String CLAIM = "division";
    public static final String INSTITUTION_CLAIM = "institution";
    /** The whole country: the national target profile's division code, never a GB/T 2260 prefix. */
    public static final String NATIONAL = "00";

    public Jurisdiction {
        Objects.requireNonNull(divisionCode, "divisionCode");
        if (!divisionCode.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
            throw new IllegalArgumentException("division claim must be 00 (national) or a 2, 4, 6 or 9 digit GB/T 2260 code: "
                    + divisionCode);
        }
        roles = Set.copyOf(roles);
        if (institution != null && institution.isBlank()) {
            institution = null;
        }
    }

    public Jurisdiction(String divisionCode, Set<String> roles) {
        this(divisionCode, roles, null);
    }

    /** True for the national level, whose jurisdiction is every province. */
    public boolean national() {
        return NATIONAL.equals(divisionCode);
    }

    /** The code prefix of everything this jurisdiction covers: empty for the national level. */
    public String prefix() {
        return national() ? "" : divisionCode;
    }

    /** True when {@code code} lies in this jurisdiction (is the same division or below it). */
    public boolean covers(String code) {
        return code != null && code.startsWith(prefix());
    }

    /**
     * The part of {@code requested} this jurisdiction may see: itself when inside, the jurisdiction
     * when an ancestor is asked for (a city user asking for the province sees the city), and
     * {@code null} for a division elsewhere — which callers answer like an empty or missing one, so
     * nothing outside is revealed. For the national level the jurisdiction is the empty prefix.
     */
    public String narrow(String requested) {
        if (requested == null || requested.isEmpty() || NATIONAL.equals(requested)) {
            return prefix();
        }
        if (divisionCode.startsWith(requested)) {
            return prefix();
        }
        return covers(requested) ? requested : null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** True when the token belongs to one institution's own account rather than to a division's. */
    public boolean boundToInstitution() {
        return institution != null;
    }
}
