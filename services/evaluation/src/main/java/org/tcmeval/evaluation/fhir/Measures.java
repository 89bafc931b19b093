package org.tcmeval.evaluation.fhir;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.Measure.MeasureGroupComponent;
import org.hl7.fhir.r4.model.MarkdownType;
import org.tcmeval.targets.Comparator;
import org.tcmeval.targets.Condition;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.Reporter;

/**
 * An indicator as a FHIR R4 {@link Measure}: what is counted (scoring, populations) and, when a
 * target is in force, the target (improvement notation, the target extension, the group's
 * description) with the profile that sets it as the Measure's version.
 *
 * <p>Scoring, chosen by what the numbers are:
 * <ul>
 *   <li>compliance rates and aggregate ratios: {@code proportion}, numerator a subset of the
 *       denominator (units meeting the rule among units judged; TCM physicians among physicians),
 *       score in percent;</li>
 *   <li>densities: {@code ratio}, numerator (TCM GPs) and denominator (residents) are different
 *       populations, score per 1,000 or 10,000;</li>
 *   <li>counts of units meeting a rule: {@code cohort}, the score is the size of the population;</li>
 *   <li>counted figures and directly reported values: {@code continuous-variable}, the score is
 *       the reported figure (summed over the reporting units), not a count of members.</li>
 * </ul>
 */
public final class Measures {

    public static final String SCORING_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-scoring";
    public static final String POPULATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-population";

    private Measures() {
    }

    /**
     * A target as the Measure states it.
     *
     * @param deadlineYear year by whose end it is due, where known
     * @param condition when it binds (the engine's rule notation), or {@code null} when always
     */
    public record TargetView(Comparator comparator, BigDecimal threshold, BigDecimal upper, String profileId,
            Integer deadlineYear, String condition) {
    }

    /** FHIR scoring code of an indicator (see the class comment). */
    public static String scoring(IndicatorDefinition i) {
        return switch (i.shape()) {
            case COMPLIANCE_RATE, AGGREGATE_RATIO -> "proportion";
            case PER_POPULATION_DENSITY -> "ratio";
            case COUNT -> i.numeratorField() == null ? "cohort" : "continuous-variable";
            case DIRECT_VALUE -> "continuous-variable";
        };
    }

    /**
     * @param target the target in force, or {@code null}: the Measure then describes the computation only
     * @param year the year whose targets it states, or {@code null}
     */
    public static Measure measure(IndicatorDefinition i, TargetView target, Integer year) {
        Measure m = new Measure();
        m.setId(Fhir.measureId(i));
        m.setLanguage("zh-CN");
        m.setUrl(Fhir.measureUrl(i));
        m.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(Fhir.INDICATOR_SYSTEM).setValue(i.code());
        if (target != null && target.profileId() != null) {
            m.setVersion(target.profileId());
        }
        m.setName(i.code());
        m.setTitleElement(Fhir.translated(i.nameZh(), i.nameEn()));
        m.setStatus(PublicationStatus.ACTIVE);
        m.setExperimental(false);
        m.setSubject(new CodeableConcept(new Coding("http://hl7.org/fhir/resource-types", "Organization",
                "Organization")).setText(reportersZh(i)));
        m.setPublisher("基层中医药服务能力评价 (TCM grassroots capacity evaluation)");
        m.setDescriptionElement(new MarkdownType(description(i)));
        m.addTopic(new CodeableConcept(new Coding(Fhir.CATEGORY_SYSTEM, i.category().name(), i.category().nameZh())));
        if (year != null) {
            m.setEffectivePeriod(Fhir.year(year));
        }
        m.setScoring(new CodeableConcept(new Coding(SCORING_SYSTEM, scoring(i), display(scoring(i)))));
        if (target != null) {
            Fhir.improvementNotation(target.comparator()).ifPresent(m::setImprovementNotation);
        }
        MeasureGroupComponent g = m.addGroup();
        g.setCode(Fhir.indicatorConcept(i));
        if (target != null) {
            g.setDescription(Fhir.targetText(i, target.comparator(), target.threshold(), target.upper(),
                    target.profileId(), target.deadlineYear()));
            g.addExtension(Fhir.target(i, target.comparator(), target.threshold(), target.upper(), target.profileId(),
                    target.deadlineYear(), target.condition()));
        } else {
            g.setDescription("本年度未指定目标方案; no target stated (ask with year, and division or profile)");
        }
        populations(i, g);
        m.setText(Fhir.narrative(i.code() + "：" + i.nameZh() + " (" + i.nameEn() + "); " + display(scoring(i))
                + (target == null ? "" : "; " + g.getDescription()), m.getLanguage()));
        return m;
    }

    private static void populations(IndicatorDefinition i, MeasureGroupComponent g) {
        String units = unitsEn(i);
        boolean filtered = !Condition.NONE.equals(i.unitFilter());
        String filter = filtered ? " with " + i.unitFilter().describe() : "";
        switch (i.shape()) {
            case COMPLIANCE_RATE -> {
                population(g, "denominator", "Units judged: " + units + filter + " whose counting report decides the"
                        + " rule (a target's condition may narrow them further)", filtered
                                ? fhirPath(i.unitFilter()) + " and (" + fhirPath(i.perUnitRule()) + ").exists()"
                                : "(" + fhirPath(i.perUnitRule()) + ").exists()");
                population(g, "numerator", "Units meeting " + i.perUnitRule().describe(), fhirPath(i.perUnitRule()));
            }
            case AGGREGATE_RATIO, PER_POPULATION_DENSITY -> {
                population(g, "denominator", "Sum of " + i.denominatorField() + " over " + units
                        + " (each unit adds its figure)", i.denominatorField());
                population(g, "numerator", "Sum of " + i.numeratorField() + " over " + units
                        + " (each unit adds its figure)", i.numeratorField());
            }
            case COUNT -> {
                if (i.numeratorField() == null) {
                    population(g, "initial-population", units + " meeting " + i.perUnitRule().describe()
                            + "; the score is their number", fhirPath(i.perUnitRule()));
                } else {
                    population(g, "measure-population", units + " reporting " + i.numeratorField(),
                            i.numeratorField() + ".exists()");
                    population(g, "measure-observation", "The reported " + i.numeratorField() + ", summed over"
                            + " the measure population", i.numeratorField());
                }
            }
            case DIRECT_VALUE -> {
                population(g, "measure-population", units, i.numeratorField() + ".exists()");
                population(g, "measure-observation", "The reported " + i.numeratorField() + ", taken as reported",
                        i.numeratorField());
            }
        }
    }

    /** A population, its criteria a FHIRPath expression over one unit's counted figures (see {@link Fhir#CRITERIA_LANGUAGE}). */
    private static void population(MeasureGroupComponent g, String code, String description, String fhirPath) {
        g.addPopulation().setCode(new CodeableConcept(new Coding(POPULATION_SYSTEM, code, populationDisplay(code))))
                .setDescription(description)
                .setCriteria(new Expression().setLanguage(Fhir.CRITERIA_LANGUAGE).setExpression(fhirPath)
                        .setDescription(description + "; evaluated for one unit over its counted report figures"));
    }

    /**
     * An engine rule as a FHIRPath expression over a unit's figures: comparisons as they are, a grade
     * as its rank (the registry's {@code hospitalGrade} fact), a share cross-multiplied as the engine
     * judges it, so no rounding enters.
     */
    static String fhirPath(Condition c) {
        return switch (c) {
            case Condition.Compare x -> x.field() + " " + x.op().symbol() + " " + x.value().toPlainString();
            case Condition.GradeRange x -> HospitalGrade.FACT + " >= " + x.min().rank() + (x.max() == null ? ""
                    : " and " + HospitalGrade.FACT + " <= " + x.max().rank());
            case Condition.ShareAtLeast x -> x.whole() + " > 0 and " + x.part() + " * 100 >= "
                    + x.percent().toPlainString() + " * " + x.whole();
            case Condition.All x -> x.parts().isEmpty() ? "true" : x.parts().stream().map(Measures::grouped)
                    .collect(Collectors.joining(" and "));
            case Condition.Any x -> x.parts().stream().map(Measures::grouped).collect(Collectors.joining(" or "));
        };
    }

    private static String grouped(Condition c) {
        String path = fhirPath(c);
        return c instanceof Condition.Compare ? path : "(" + path + ")";
    }

    /** What the indicator computes, in English then Chinese, for people. */
    static String description(IndicatorDefinition i) {
        String units = unitsEn(i);
        String filter = Condition.NONE.equals(i.unitFilter()) ? "" : ", counting only those with "
                + i.unitFilter().describe();
        String en = switch (i.shape()) {
            case COMPLIANCE_RATE -> "Share of " + units + " meeting `" + i.perUnitRule().describe() + "`" + filter
                    + ": numerator = units meeting the rule, denominator = units whose counting report decides it."
                    + " The plans state it in percent; a MeasureReport's measureScore is the fraction 0-1.";
            case AGGREGATE_RATIO -> "Sum of `" + i.numeratorField() + "` over the sum of `" + i.denominatorField()
                    + "` across " + units + ": sums, never an average of rates. The plans state it in percent;"
                    + " a MeasureReport's measureScore is the fraction 0-1.";
            case PER_POPULATION_DENSITY -> "Sum of `" + i.numeratorField() + "` per " + i.populationScale()
                    + " residents (`" + i.denominatorField() + "`), across " + units + ".";
            case COUNT -> i.numeratorField() == null
                    ? "Number of " + units + " meeting `" + i.perUnitRule().describe() + "`."
                    : "Sum of the reported `" + i.numeratorField() + "` across " + units + ".";
            case DIRECT_VALUE -> "The `" + i.numeratorField() + "` that " + units + " reports, taken as reported.";
        };
        return i.nameEn() + "\n\n" + en + "\n\n" + i.nameZh() + "（" + i.category().nameZh() + "；填报主体："
                + reportersZh(i) + "）";
    }

    private static String unitsEn(IndicatorDefinition i) {
        return switch (i.reporter()) {
            case INSTITUTION -> "institutions of type " + i.applicableTypes().stream().map(InstitutionType::name)
                    .sorted().collect(Collectors.joining(", "));
            case COUNTY -> "counties (county health bureau reports)";
            case JURISDICTION -> "the jurisdiction whose profile sets the target";
        };
    }

    private static String unitsCode(IndicatorDefinition i) {
        return i.reporter() == Reporter.INSTITUTION ? "institutions(" + i.applicableTypes().stream()
                .map(InstitutionType::name).sorted().collect(Collectors.joining(",")) + ")"
                : i.reporter() == Reporter.COUNTY ? "counties" : "jurisdiction";
    }

    private static String reportersZh(IndicatorDefinition i) {
        return i.reporter() == Reporter.INSTITUTION ? i.reporter().nameZh() + "（" + i.applicableTypes().stream()
                .map(InstitutionType::name).sorted().collect(Collectors.joining("、")) + "）" : i.reporter().nameZh();
    }

    static String display(String scoring) {
        return switch (scoring) {
            case "proportion" -> "Proportion";
            case "ratio" -> "Ratio";
            case "cohort" -> "Cohort";
            default -> "Continuous Variable";
        };
    }

    static String populationDisplay(String code) {
        return switch (code) {
            case "numerator" -> "Numerator";
            case "denominator" -> "Denominator";
            case "denominator-exclusion" -> "Denominator Exclusion";
            case "initial-population" -> "Initial Population";
            case "measure-population" -> "Measure Population";
            case "measure-observation" -> "Measure Observation";
            default -> throw new IllegalArgumentException(code);
        };
    }

}
