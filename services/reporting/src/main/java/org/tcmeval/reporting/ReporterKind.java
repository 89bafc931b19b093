package org.tcmeval.reporting;

import java.util.Optional;
import java.util.Set;
import org.tcmeval.support.security.Roles;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.ReportForm;

/**
 * Who files a report (填报主体) and who reviews it: the county bureau reviews its institutions, the
 * city its counties' reports, the province its cities' (and its own, by another official).
 */
public enum ReporterKind {
    INSTITUTION(-1, Roles.COUNTY_REVIEWER, Set.of(Roles.INSTITUTION_REPORTER, Roles.COUNTY_REVIEWER,
            Roles.PLATFORM_INTEGRATION)),
    COUNTY(6, Roles.CITY_ADMIN, Set.of(Roles.COUNTY_REVIEWER, Roles.PLATFORM_INTEGRATION)),
    CITY(4, Roles.PROVINCE_ADMIN, Set.of(Roles.CITY_ADMIN, Roles.PLATFORM_INTEGRATION)),
    PROVINCE(2, Roles.PROVINCE_ADMIN, Set.of(Roles.PROVINCE_ADMIN, Roles.PLATFORM_INTEGRATION));

    private final int codeLength;
    private final String reviewerRole;
    private final Set<String> filerRoles;

    ReporterKind(int codeLength, String reviewerRole, Set<String> filerRoles) {
        this.codeLength = codeLength;
        this.reviewerRole = reviewerRole;
        this.filerRoles = filerRoles;
    }

    /** Whether a caller with {@code roles} may file or correct this kind of report. */
    public boolean mayBeFiledBy(Set<String> roles) {
        return roles.stream().anyMatch(filerRoles::contains);
    }

    /** The role whose holders, within whose jurisdiction the report lies, decide on it. */
    public String reviewerRole() {
        return reviewerRole;
    }

    /** The division report kind for a GB/T 2260 code of 6, 4 or 2 digits. */
    public static Optional<ReporterKind> ofDivisionCode(String code) {
        if (code == null || !code.matches("\\d+")) {
            return Optional.empty();
        }
        for (ReporterKind k : values()) {
            if (k.codeLength == code.length()) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The form this reporter fills in; {@code type} only for institutions. */
    public ReportForm form(InstitutionType type) {
        return switch (this) {
            case INSTITUTION -> ReportForm.forInstitutionType(type);
            case COUNTY -> ReportForm.forCounty();
            case CITY, PROVINCE -> ReportForm.forJurisdiction();
        };
    }
}
