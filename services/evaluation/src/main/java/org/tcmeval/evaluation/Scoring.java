package org.tcmeval.evaluation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.ReportForm;

/** What evaluation needs besides the engine, plain Java so it is tested without Quarkus. */
public final class Scoring {

    /** Forms are fixed at build time, so each indicator (with its unit filter) is worked out once. */
    private static final Map<IndicatorDefinition, Optional<String>> NOT_COMPUTED = new ConcurrentHashMap<>();

    private Scoring() {
    }

    /** COUNTY, CITY or PROVINCE by the division code's length. */
    public static String scopeOf(String divisionCode) {
        return switch (divisionCode.length()) {
            case 2 -> "PROVINCE";
            case 4 -> "CITY";
            case 6 -> "COUNTY";
            default -> throw new IllegalArgumentException("not a province, city or county code: " + divisionCode);
        };
    }

    /**
     * Why evaluation cannot compute {@code indicator} at all, if it cannot: it reads a figure that no
     * report form of its reporter collects, so no report can ever give it a value.
     */
    public static Optional<String> notComputedReason(IndicatorDefinition indicator) {
        return NOT_COMPUTED.computeIfAbsent(indicator, Scoring::reason);
    }

    private static Optional<String> reason(IndicatorDefinition indicator) {
        for (String field : indicator.fields()) {
            if (HospitalGrade.FACT.equals(field)) {
                continue;   // merged from the registry
            }
            boolean collected = switch (indicator.reporter()) {
                case INSTITUTION -> indicator.applicableTypes().stream()
                        .anyMatch(t -> ReportForm.forInstitutionType(t).field(field).isPresent());
                case COUNTY -> ReportForm.forCounty().field(field).isPresent();
                case JURISDICTION -> ReportForm.forJurisdiction().field(field).isPresent();
            };
            if (!collected) {
                return Optional.of("NOT_COLLECTED: '" + field + "' is on no " + indicator.reporter() + " report form");
            }
        }
        return Optional.empty();
    }
}
