package org.tcmeval.events;

/** CloudEvents {@code type} values, reverse-DNS style as the spec recommends. */
public final class EventTypes {
    public static final String INSTITUTION_CHANGED = "org.tcmeval.institution.changed";
    public static final String DIVISION_CHANGED = "org.tcmeval.division.changed";
    public static final String REPORT_SUBMITTED = "org.tcmeval.report.submitted";
    public static final String TARGET_EVALUATED = "org.tcmeval.target.evaluated";
    public static final String TARGET_PROFILE_CHANGED = "org.tcmeval.catalog.profile.changed";
    public static final String TECHNIQUE_CLASS_CHANGED = "org.tcmeval.catalog.technique.changed";

    private EventTypes() {
    }
}
