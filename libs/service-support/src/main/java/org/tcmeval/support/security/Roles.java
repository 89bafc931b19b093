package org.tcmeval.support.security;

/**
 * Realm roles issued by Keycloak (see deploy/keycloak/tcm-realm.json). What each may write, at which
 * level of the division tree, is the table in docs/roles.md, which RoleMatrixTest checks against the
 * running suite.
 */
public final class Roles {
    public static final String INSTITUTION_REPORTER = "institution-reporter";
    public static final String COUNTY_REVIEWER = "county-reviewer";
    public static final String CITY_ADMIN = "city-admin";
    public static final String PROVINCE_ADMIN = "province-admin";
    /** The national operator (division {@code 00}): creates provinces; reads through dashboard-reader. */
    public static final String NATIONAL_ADMIN = "national-admin";
    /**
     * Edits target profiles of its division and below; with division {@code 00} it is the national catalog
     * admin, the only one who edits the national technique catalogue and the national profile.
     */
    public static final String CATALOG_ADMIN = "catalog-admin";
    public static final String DASHBOARD_READER = "dashboard-reader";
    public static final String PLATFORM_INTEGRATION = "platform-integration";

    private Roles() {
    }
}
