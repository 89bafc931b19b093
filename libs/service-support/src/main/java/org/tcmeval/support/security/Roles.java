package org.tcmeval.support.security;

/** Realm roles issued by Keycloak (see deploy/keycloak/tcm-realm.json). */
public final class Roles {
    public static final String INSTITUTION_REPORTER = "institution-reporter";
    public static final String COUNTY_REVIEWER = "county-reviewer";
    public static final String CITY_ADMIN = "city-admin";
    public static final String PROVINCE_ADMIN = "province-admin";
    public static final String CATALOG_ADMIN = "catalog-admin";
    public static final String DASHBOARD_READER = "dashboard-reader";
    public static final String PLATFORM_INTEGRATION = "platform-integration";

    private Roles() {
    }
}
