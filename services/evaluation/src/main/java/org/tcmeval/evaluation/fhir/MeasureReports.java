package org.tcmeval.evaluation.fhir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupComponent;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportStatus;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.evaluation.rest.ScorecardView;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.IndicatorDefinition;

/**
 * Evaluation results as FHIR R4 {@link MeasureReport}s: a summary report per indicator of a
 * division's scorecard, an individual report per indicator of an institution. Only what is stored
 * is said: a result without a value keeps its group with a measureScore that carries only a
 * data-absent-reason, and the judgement (MET, NO_DATA, ...) and its reason travel in extensions.
 */
public final class MeasureReports {

    private MeasureReports() {
    }

    /**
     * A division's stored result for one indicator, as the scorecard shows it (status null: nothing
     * stored). {@code pending}: the scorecard's count of transactions not yet folded into a city's or
     * province's sums; above 0 the report is {@code pending} (FHIR: still being generated), not complete.
     */
    public static MeasureReport summary(String divisionCode, String divisionName, int year, IndicatorDefinition i,
            ScorecardView.Entry e, String chosenProfile, long pending) {
        MeasureReport r = new MeasureReport();
        r.addIdentifier().setSystem(Fhir.REPORT_SYSTEM).setValue(summaryKey(divisionCode, year, i, chosenProfile));
        r.setStatus(pending > 0 ? MeasureReportStatus.PENDING : MeasureReportStatus.COMPLETE);
        r.setType(MeasureReportType.SUMMARY);
        r.setMeasure(Fhir.measureCanonical(i, e.profileId()));
        r.setSubject(Fhir.division(divisionCode, divisionName));
        if (e.updatedAt() != null) {
            r.setDate(Date.from(e.updatedAt().toInstant()));
        }
        r.setPeriod(Fhir.year(year));
        Fhir.improvementNotation(e.comparator()).ifPresent(r::setImprovementNotation);
        MeasureReportGroupComponent g = r.addGroup();
        g.setCode(Fhir.indicatorConcept(i));
        boolean known = e.numerator() != null;
        String scoring = Measures.scoring(i);
        switch (scoring) {
            case "proportion", "ratio" -> {
                population(g, "numerator", known ? e.numerator() : null);
                population(g, "denominator", known ? e.denominator() : null);
            }
            // A cohort's score is its population's count (FHIR gives it no measureScore): without a
            // value the count carries the data-absent-reason instead.
            case "cohort" -> {
                MeasureReport.MeasureReportGroupPopulationComponent p = population(g, "initial-population", e.value());
                if (!p.hasCount()) {
                    p.getCountElement().addExtension(Fhir.DATA_ABSENT_REASON,
                            new CodeType(absentReason(e.status(), e.reason())));
                }
            }
            default -> population(g, "measure-population", known ? BigDecimal.valueOf(e.unitsDecided()) : null);
        }
        if (!"cohort".equals(scoring)) {
            g.setMeasureScore(e.value() != null ? Fhir.score(i, e.value(), "proportion".equals(scoring))
                    : Fhir.absent(absentReason(e.status(), e.reason())));
        }
        g.addExtension(Fhir.STATUS_EXTENSION, new CodeType(e.status() == null ? ResultStatus.NOT_COMPUTED.name()
                : e.status().name()));
        if (e.reason() != null) {
            g.addExtension(Fhir.REASON_EXTENSION, new StringType(e.reason()));
        }
        if (e.comparator() != null && e.threshold() != null) {
            g.addExtension(Fhir.target(i, e.comparator(), e.threshold(), e.upper(), e.profileId(), null, null));
        }
        if (e.unitsExpected() > 0 || e.unitsDecided() > 0) {
            Extension c = g.addExtension().setUrl(Fhir.COMPLETENESS_EXTENSION);
            c.addExtension("unitsDecided", new IntegerType(clamp(e.unitsDecided())));
            c.addExtension("unitsExpected", new IntegerType(clamp(e.unitsExpected())));
            if (e.completeness() != null) {
                c.addExtension("percent", new DecimalType(e.completeness()));
            }
        }
        if (e.population() != null && e.populationSource() != null) {
            // The denominator of a density, or the figure a population condition tested: as the scorecard says it.
            Extension p = g.addExtension().setUrl(Fhir.RESIDENTS_EXTENSION);
            p.addExtension("count", new DecimalType(e.population()));
            p.addExtension("source", new CodeType(e.populationSource()));
        }
        String status = e.status() == null ? ResultStatus.NOT_COMPUTED.name() : e.status().name();
        r.setText(Fhir.narrative((divisionName == null ? divisionCode : divisionName + " " + divisionCode) + " " + year
                + "：" + i.code() + " = " + Fhir.valueText(i.unit(), e.value()) + "，" + status
                + (e.comparator() != null && e.threshold() != null ? "；" + Fhir.targetText(i, e.comparator(),
                        e.threshold(), e.upper(), e.profileId(), null) : "")
                + (e.reason() != null ? "；" + e.reason() : "")
                + (e.population() != null && e.populationSource() != null ? "；常住人口 "
                        + e.population().toPlainString() + "（" + e.populationSource() + "）" : ""), null));
        return r;
    }

    /**
     * What one institution adds to its county's sums for one indicator.
     *
     * @param numerator the contribution's numerator, or null when the institution has no stored contribution
     * @param units 1 when counted, 0 otherwise; {@code excluded} 1 when outside the unit filter
     * @param comparator the county's target the institution is counted under (from the county's stored result), or null
     */
    public record Contribution(UUID institutionId, String institutionName, int year, IndicatorDefinition indicator,
            BigDecimal numerator, BigDecimal denominator, long units, long excluded, Comparator comparator,
            BigDecimal threshold, BigDecimal upper, String profileId) {

        /** COUNTED, EXCLUDED (outside the unit filter), UNDECIDED (lacks a figure the rule needs), NOT_REPORTED. */
        public String state() {
            return numerator == null ? "NOT_REPORTED" : units > 0 ? "COUNTED" : excluded > 0 ? "EXCLUDED" : "UNDECIDED";
        }
    }

    public static MeasureReport individual(Contribution c) {
        IndicatorDefinition i = c.indicator();
        MeasureReport r = new MeasureReport();
        r.addIdentifier().setSystem(Fhir.REPORT_SYSTEM).setValue(individualKey(c.institutionId(), c.year(), i));
        r.setStatus(MeasureReportStatus.COMPLETE);
        r.setType(MeasureReportType.INDIVIDUAL);
        r.setMeasure(Fhir.measureCanonical(i, c.profileId()));
        r.setReporter(institution(c.institutionId(), c.institutionName()));
        r.setPeriod(Fhir.year(c.year()));
        Fhir.improvementNotation(c.comparator()).ifPresent(r::setImprovementNotation);
        MeasureReportGroupComponent g = r.addGroup();
        g.setCode(Fhir.indicatorConcept(i));
        String state = c.state();
        boolean counted = "COUNTED".equals(state);
        String scoring = Measures.scoring(i);
        switch (scoring) {
            case "proportion", "ratio" -> {
                population(g, "numerator", counted ? c.numerator() : BigDecimal.ZERO);
                population(g, "denominator", counted ? c.denominator() : BigDecimal.ZERO);
            }
            case "cohort" -> population(g, "initial-population", counted ? c.numerator() : BigDecimal.ZERO);
            default -> population(g, "measure-population", counted ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        // Its own share for rates and ratios (the drill-down's value, as a fraction), its figure for
        // a continuous variable; a cohort's score is the population count above.
        BigDecimal score = !counted ? null : switch (scoring) {
            case "proportion" -> Fhir.fraction(c.numerator(), c.denominator());
            case "ratio" -> Fhir.fraction(c.numerator().multiply(BigDecimal.valueOf(i.populationScale())),
                    c.denominator());
            default -> c.numerator();
        };
        if (!"cohort".equals(scoring)) {
            g.setMeasureScore(score == null ? Fhir.absent(switch (state) {
                case "EXCLUDED" -> "not-applicable";
                case "UNDECIDED" -> "unknown";
                case "NOT_REPORTED" -> "temp-unknown";
                default -> "not-a-number";   // counted with a zero denominator
            }) : "proportion".equals(scoring) ? new Quantity().setValue(score) : Fhir.quantity(i.unit(), score));
        }
        g.addExtension(Fhir.UNIT_STATE_EXTENSION, new CodeType(state));
        if (c.comparator() != null && c.threshold() != null) {
            g.addExtension(Fhir.target(i, c.comparator(), c.threshold(), c.upper(), c.profileId(), null, null));
        }
        r.setText(Fhir.narrative((c.institutionName() == null ? "" : c.institutionName() + " ") + c.institutionId()
                + " " + c.year() + "：" + i.code() + " " + state + (score == null ? "" : " = "
                + ("proportion".equals(scoring) ? c.numerator().toPlainString() + "/" + c.denominator().toPlainString()
                        + " = " + score.movePointRight(2).stripTrailingZeros().toPlainString() + "%"
                        : Fhir.valueText(i.unit(), score))), null));
        return r;
    }

    /**
     * The reports as a collection: they have no server identity (no id to read them by), so each
     * entry's fullUrl is a urn:uuid derived from the report's business identifier, the same on every
     * read; the identifier (system {@link Fhir#REPORT_SYSTEM}) is what a receiving server upserts on.
     */
    public static Bundle collection(List<MeasureReport> reports, String selfUrl) {
        Bundle b = new Bundle();
        b.setType(BundleType.COLLECTION);
        b.setTimestamp(new Date());
        if (selfUrl != null) {
            b.addLink().setRelation("self").setUrl(selfUrl);
        }
        for (MeasureReport r : reports) {
            String key = r.getIdentifierFirstRep().getValue();
            b.addEntry().setFullUrl("urn:uuid:" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)))
                    .setResource(r);
        }
        return b;
    }

    /** division/year/indicator, with /profile when judged against a chosen profile. */
    public static String summaryKey(String divisionCode, int year, IndicatorDefinition i, String chosenProfile) {
        return divisionCode + "/" + year + "/" + i.code() + (chosenProfile == null ? "" : "/" + chosenProfile);
    }

    public static String individualKey(UUID institutionId, int year, IndicatorDefinition i) {
        return institutionId + "/" + year + "/" + i.code();
    }

    static Reference institution(UUID id, String name) {
        Reference r = new Reference().setType("Organization")
                .setIdentifier(new Identifier().setSystem(Fhir.INSTITUTION_SYSTEM).setValue(id.toString()));
        return name == null ? r : r.setDisplay(name);
    }

    /**
     * Why a summary result has no value, in FHIR's data-absent-reason codes: unsupported for an
     * indicator evaluation cannot compute (no form collects a figure it reads), not-applicable when
     * the target does not bind, temp-unknown when nothing counting is stored yet (reports may come),
     * unknown otherwise.
     */
    static String absentReason(ResultStatus status, String reason) {
        if (status == null || reason != null && reason.startsWith("NOT_STORED")) {
            return "temp-unknown";
        }
        return switch (status) {
            case NOT_COMPUTED -> "unsupported";
            case NOT_APPLICABLE -> "not-applicable";
            case NO_DATA -> "temp-unknown";
            default -> "unknown";
        };
    }

    private static MeasureReport.MeasureReportGroupPopulationComponent population(MeasureReportGroupComponent g,
            String code, BigDecimal count) {
        MeasureReport.MeasureReportGroupPopulationComponent p = g.addPopulation()
                .setCode(new CodeableConcept(new Coding(Measures.POPULATION_SYSTEM, code,
                        Measures.populationDisplay(code))));
        Fhir.count(count).ifPresent(p::setCount);
        return p;
    }

    private static int clamp(long n) {
        return (int) Math.min(Integer.MAX_VALUE, n);
    }
}
