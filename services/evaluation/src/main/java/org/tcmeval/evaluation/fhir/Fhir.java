package org.tcmeval.evaluation.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Unit;

/**
 * What the FHIR R4 export shares: the one HAPI context (built on first use, so a service that is
 * never asked for FHIR never pays for it), the JSON writer, and the systems, extensions and small
 * elements every resource uses. Plain Java, tested without Quarkus.
 */
public final class Fhir {

    public static final String MEDIA_TYPE = "application/fhir+json";

    /** Root of every URI the export mints: canonical URLs, identifier systems, extensions. */
    public static final String BASE = "https://tcmeval.org/fhir";
    /** Identifier system of indicator codes (TCM_PHYSICIAN_RATIO). */
    public static final String INDICATOR_SYSTEM = BASE + "/sid/indicator-code";
    /** Identifier system of GB/T 2260 administrative division codes (45, 4509, 450902). */
    public static final String DIVISION_SYSTEM = BASE + "/sid/gb-t-2260";
    /** Identifier system of the institution registry's ids (UUIDs). */
    public static final String INSTITUTION_SYSTEM = BASE + "/sid/institution-id";
    /** Code system of the indicator categories (分类). */
    public static final String CATEGORY_SYSTEM = BASE + "/CodeSystem/indicator-category";
    /**
     * Language of the population criteria: FHIRPath, evaluated for one reporting unit over its
     * counted report figures (each field a decimal by its report-form name), as the engine's rules
     * are; the sums across units are the scoring's.
     */
    public static final String CRITERIA_LANGUAGE = "text/fhirpath";
    /** Identifier system of the MeasureReports' business keys (450902/2024/TCM_PHYSICIAN_RATIO). */
    public static final String REPORT_SYSTEM = BASE + "/sid/measure-report";

    /** The target a result is judged against (complex: comparator, detail, profile, due, condition). */
    public static final String TARGET_EXTENSION = BASE + "/StructureDefinition/target";
    /** The judgement of a summary result: MET, NOT_MET, NOT_APPLICABLE, NO_DATA, INCOMPLETE, NO_TARGET, NOT_COMPUTED. */
    public static final String STATUS_EXTENSION = BASE + "/StructureDefinition/evaluation-status";
    /** Why a summary result has no verdict (NOT_COLLECTED: ..., DIVISION_CONDITION_NOT_MET, NOT_STORED: ...). */
    public static final String REASON_EXTENSION = BASE + "/StructureDefinition/evaluation-reason";
    /** Units decided and expected behind a summary result (complex: unitsDecided, unitsExpected, percent). */
    public static final String COMPLETENESS_EXTENSION = BASE + "/StructureDefinition/completeness";
    /**
     * The residents a summary result read and where they came from (complex: count, source REPORTED |
     * REGISTRY | MIXED). An extension, not a stratifier or supplemental data: a stratifier splits the
     * populations into strata with their own counts, and R4's supplemental data (contained Observations
     * referenced from evaluatedResource) counts values over the members of a population; the source
     * of one division's residents is neither, but a property of the figure the result was computed on.
     */
    public static final String RESIDENTS_EXTENSION = BASE + "/StructureDefinition/residents";
    /** An institution's state in an individual report: COUNTED, EXCLUDED, UNDECIDED, NOT_REPORTED. */
    public static final String UNIT_STATE_EXTENSION = BASE + "/StructureDefinition/unit-state";

    public static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    public static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String IMPROVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";

    private Fhir() {
    }

    /** HAPI's R4 context, created once per JVM by HAPI on the first call (a second or so), then shared. */
    public static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    /** The resource as FHIR JSON, by HAPI's parser (parsers are cheap; the context is not). */
    public static String json(IBaseResource resource) {
        return context().newJsonParser().encodeResourceToString(resource);
    }

    /** The FHIR logical id of an indicator: its code with hyphens (ids admit no underscores). */
    public static String measureId(IndicatorDefinition indicator) {
        return indicator.code().replace('_', '-');
    }

    /** Canonical URL of an indicator's Measure, unversioned. */
    public static String measureUrl(IndicatorDefinition indicator) {
        return BASE + "/Measure/" + measureId(indicator);
    }

    /** The canonical a report points at: versioned with the target profile when there is one. */
    public static String measureCanonical(IndicatorDefinition indicator, String profileId) {
        return measureUrl(indicator) + (profileId == null ? "" : "|" + profileId);
    }

    public static CodeableConcept indicatorConcept(IndicatorDefinition indicator) {
        return new CodeableConcept(new Coding(INDICATOR_SYSTEM, indicator.code(), indicator.nameEn()))
                .setText(indicator.nameZh());
    }

    /** The calendar year as a FHIR period (dates, inclusive). */
    public static Period year(int year) {
        return new Period().setStartElement(new DateTimeType(year + "-01-01")).setEndElement(new DateTimeType(year + "-12-31"));
    }

    /** A division (GB/T 2260) as a logical reference: an administrative area is a Location of type jurisdiction. */
    public static Reference division(String code, String name) {
        Reference r = new Reference().setType("Location")
                .setIdentifier(new Identifier().setSystem(DIVISION_SYSTEM).setValue(code));
        return name == null ? r : r.setDisplay(name);
    }

    /** increase for AT_LEAST, decrease for AT_MOST; none for BETWEEN (R4 has no code for "inside a range"). */
    public static Optional<CodeableConcept> improvementNotation(Comparator comparator) {
        if (comparator == null || comparator == Comparator.BETWEEN) {
            return Optional.empty();
        }
        String code = comparator == Comparator.AT_LEAST ? "increase" : "decrease";
        String display = comparator == Comparator.AT_LEAST ? "Increased score indicates improvement"
                : "Decreased score indicates improvement";
        return Optional.of(new CodeableConcept(new Coding(IMPROVEMENT_SYSTEM, code, display)));
    }

    /** A value in the indicator's unit: UCUM where UCUM has the unit, else the unit's name only. */
    public static Quantity quantity(Unit unit, BigDecimal value) {
        Quantity q = new Quantity().setValue(value);
        return switch (unit) {
            case PERCENT -> q.setUnit("%").setSystem(UCUM).setCode("%");
            case PER_10K_RESIDENTS -> q.setUnit("每万常住人口 (per 10,000 residents)").setSystem(UCUM).setCode("/10*4");
            case PER_1K_RESIDENTS -> q.setUnit("每千常住人口 (per 1,000 residents)").setSystem(UCUM).setCode("/10*3");
            case COUNT -> q.setUnit("个 (count)");
            case HUNDRED_MILLION_YUAN -> q.setUnit("亿元 (100 million CNY)");
        };
    }

    /** An element present only to say why its value is absent (the standard data-absent-reason extension). */
    public static Quantity absent(String reason) {
        Quantity q = new Quantity();
        q.addExtension(DATA_ABSENT_REASON, new CodeType(reason));
        return q;
    }

    /**
     * A short generated narrative (dom-6 asks every resource for one): the text, escaped, in one
     * paragraph; {@code lang} as the resource's language, when it has one.
     */
    public static Narrative narrative(String text, String lang) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        Narrative n = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"" + (lang == null ? "" : " lang=\"" + lang
                + "\" xml:lang=\"" + lang + "\"") + "><p>" + escaped + "</p></div>");
        return n;
    }

    /** A value written out for the narrative: "18.75%", "0.5 每万常住人口", or "no value". */
    public static String valueText(Unit unit, BigDecimal value) {
        return value == null ? "无数值 (no value)" : value.stripTrailingZeros().toPlainString()
                + (unit == Unit.PERCENT ? "%" : " " + unit.nameZh());
    }

    /** A string with its English translation (the standard translation extension). */
    public static StringType translated(String zh, String en) {
        StringType s = new StringType(zh);
        if (en != null) {
            Extension t = s.addExtension().setUrl(TRANSLATION);
            t.addExtension("lang", new CodeType("en"));
            t.addExtension("content", new StringType(en));
        }
        return s;
    }

    /**
     * The target extension: the comparator as a code, the bounds as a Range in the indicator's unit
     * (AT_LEAST: low; AT_MOST: high; BETWEEN: both, inclusive), the profile that sets it, and where
     * known its deadline year and the condition under which it binds. Modelled on Goal.target,
     * since R4's Measure and MeasureReport have no element for a target.
     */
    public static Extension target(IndicatorDefinition indicator, Comparator comparator, BigDecimal threshold,
            BigDecimal upper, String profileId, Integer deadlineYear, String condition) {
        Extension e = new Extension(TARGET_EXTENSION);
        e.addExtension("comparator", new CodeType(comparator.name()));
        Range range = new Range();
        switch (comparator) {
            case AT_LEAST -> range.setLow(simple(indicator.unit(), threshold));
            case AT_MOST -> range.setHigh(simple(indicator.unit(), threshold));
            case BETWEEN -> range.setLow(simple(indicator.unit(), threshold)).setHigh(simple(indicator.unit(), upper));
        }
        e.addExtension("detail", range);
        if (profileId != null) {
            e.addExtension("profile", new StringType(profileId));
        }
        if (deadlineYear != null) {
            e.addExtension("due", new DateType(String.valueOf(deadlineYear)));
        }
        if (condition != null) {
            e.addExtension("condition", new StringType(condition));
        }
        return e;
    }

    /** The target written out for people, in Chinese and English: "≥ 25%" / ">= 25%". */
    public static String targetText(IndicatorDefinition indicator, Comparator comparator, BigDecimal threshold,
            BigDecimal upper, String profileId, Integer deadlineYear) {
        String unit = indicator.unit() == Unit.PERCENT ? "%" : " " + indicator.unit().nameZh();
        String zh = switch (comparator) {
            case AT_LEAST -> "≥ " + plain(threshold) + unit;
            case AT_MOST -> "≤ " + plain(threshold) + unit;
            case BETWEEN -> plain(threshold) + "–" + plain(upper) + unit;
        };
        String en = switch (comparator) {
            case AT_LEAST -> ">= " + plain(threshold) + unit;
            case AT_MOST -> "<= " + plain(threshold) + unit;
            case BETWEEN -> "between " + plain(threshold) + " and " + plain(upper) + unit + " inclusive";
        };
        return "目标 " + zh + (profileId == null ? "" : "（" + profileId + (deadlineYear == null ? "" : "，" + deadlineYear
                + " 年底前") + "）") + "; target " + en + (profileId == null ? "" : " (profile " + profileId
                + (deadlineYear == null ? "" : ", due by the end of " + deadlineYear) + ")");
    }

    /** An integral count that fits FHIR's integer, else empty (population counts are integers in R4). */
    public static Optional<Integer> count(BigDecimal n) {
        if (n == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(n.stripTrailingZeros().intValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** num / den as a fraction, six decimals; null without a positive denominator. */
    public static BigDecimal fraction(BigDecimal num, BigDecimal den) {
        return num == null || den == null || den.signum() <= 0 ? null
                : num.divide(den, 6, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /**
     * A measureScore: a proportion's is the unitless fraction 0–1 FHIR prescribes (a percent
     * value / 100, exact), every other score is the value in the indicator's unit.
     */
    public static Quantity score(IndicatorDefinition i, BigDecimal value, boolean proportion) {
        return proportion ? new Quantity().setValue(value.movePointLeft(2).stripTrailingZeros())
                : quantity(i.unit(), value);
    }

    private static Quantity simple(Unit unit, BigDecimal value) {
        return quantity(unit, value);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "?" : v.stripTrailingZeros().toPlainString();
    }
}
