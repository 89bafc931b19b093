package org.tcmeval.targets;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An evaluation indicator (评价指标): what is measured and how, independent of any jurisdiction's
 * threshold. The computation is data — a {@link ComputationShape} plus the report fields and the
 * per-unit rule it reads — so the evaluation engine interprets it instead of running a class per
 * indicator.
 *
 * <p>What each shape reads:
 * <ul>
 *   <li>{@code COMPLIANCE_RATE}: units (institutions of {@code applicableTypes}, or counties) passing
 *       {@code unitFilter}; value = share of them meeting {@code perUnitRule}, in percent.</li>
 *   <li>{@code AGGREGATE_RATIO}: sum of {@code numeratorField} / sum of {@code denominatorField} × 100.</li>
 *   <li>{@code PER_POPULATION_DENSITY}: sum of {@code numeratorField} / sum of {@code denominatorField}
 *       (residents) × {@code populationScale}.</li>
 *   <li>{@code COUNT}: number of units meeting {@code perUnitRule}, or, when there is no rule, the sum
 *       of {@code numeratorField}.</li>
 *   <li>{@code DIRECT_VALUE}: the reported {@code numeratorField}, taken as it is.</li>
 * </ul>
 *
 * @param code stable machine code (UPPER_SNAKE_CASE), used in APIs, events and URLs
 * @param nameZh the name as the source documents write it
 * @param nameEn English name for dashboards
 * @param category the source table's group (分类)
 * @param shape how the value is computed
 * @param unit unit of the computed value
 * @param reporter who reports the figures the indicator reads
 * @param applicableTypes institution types whose reports feed the indicator; empty unless the reporter is INSTITUTION
 * @param numeratorField the summed or reported field (see above); {@code null} for rule-based shapes
 * @param denominatorField the summed denominator of a ratio or density, else {@code null}
 * @param perUnitRule what one unit must meet (compliance rates, rule-based counts), else {@link Condition#NONE}
 * @param unitFilter which units of the applicable types count at all (e.g. only CHSC/THC that have a 中医馆)
 * @param populationScale residents per unit of a density (1,000 or 10,000), else {@code null}
 */
public record IndicatorDefinition(
        String code,
        String nameZh,
        String nameEn,
        Category category,
        ComputationShape shape,
        Unit unit,
        Reporter reporter,
        Set<InstitutionType> applicableTypes,
        String numeratorField,
        String denominatorField,
        Condition perUnitRule,
        Condition unitFilter,
        Integer populationScale) {

    public IndicatorDefinition {
        if (!FieldNames.isCode(code)) {
            throw new IllegalArgumentException("code: '" + code + "' is not an UPPER_SNAKE_CASE indicator code");
        }
        if (FieldNames.isBlank(nameZh) || FieldNames.isBlank(nameEn)) {
            throw new IllegalArgumentException(code + ": nameZh and nameEn are required");
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(reporter, "reporter");
        applicableTypes = Set.copyOf(applicableTypes);
        perUnitRule = perUnitRule == null ? Condition.NONE : perUnitRule;
        unitFilter = unitFilter == null ? Condition.NONE : unitFilter;
        if ((reporter == Reporter.INSTITUTION) == applicableTypes.isEmpty()) {
            throw new IllegalArgumentException(code + ": applicableTypes must be given exactly when the reporter is"
                    + " INSTITUTION (reporter " + reporter + ", types " + applicableTypes + ")");
        }
        checkShape(code, shape, unit, reporter, numeratorField, denominatorField, perUnitRule, populationScale);
    }

    private static void checkShape(String code, ComputationShape shape, Unit unit, Reporter reporter, String numerator,
            String denominator, Condition rule, Integer scale) {
        boolean hasRule = !Condition.NONE.equals(rule);
        switch (shape) {
            case COMPLIANCE_RATE -> {
                require(code, unit == Unit.PERCENT, "unit", "a compliance rate is a PERCENT");
                require(code, hasRule, "perUnitRule", "a compliance rate needs a per-unit rule");
                require(code, numerator == null && denominator == null, "numeratorField",
                        "a compliance rate counts units; it reads no numerator or denominator field");
            }
            case AGGREGATE_RATIO -> {
                require(code, unit == Unit.PERCENT, "unit", "an aggregate ratio is a PERCENT");
                require(code, numerator != null, "numeratorField", "an aggregate ratio needs a numerator field");
                require(code, denominator != null, "denominatorField", "an aggregate ratio needs a denominator field");
                require(code, !hasRule, "perUnitRule", "an aggregate ratio sums fields; it has no per-unit rule");
            }
            case PER_POPULATION_DENSITY -> {
                require(code, numerator != null, "numeratorField", "a density needs the counted field");
                require(code, denominator != null, "denominatorField", "a density needs the population field");
                require(code, scale != null && scale.equals(unit.populationScale()), "populationScale",
                        "a density in " + unit + " needs populationScale " + unit.populationScale() + ", got " + scale);
                require(code, !hasRule, "perUnitRule", "a density sums fields; it has no per-unit rule");
            }
            case COUNT -> {
                require(code, unit == Unit.COUNT, "unit", "a count is in COUNT");
                require(code, hasRule != (numerator != null), "perUnitRule",
                        "a count needs either a per-unit rule (count units) or a numerator field (sum a figure)");
                require(code, denominator == null, "denominatorField", "a count has no denominator");
            }
            case DIRECT_VALUE -> {
                require(code, numerator != null, "numeratorField", "a direct value needs the reported field");
                require(code, denominator == null && !hasRule, "denominatorField",
                        "a direct value is taken as reported; it has no denominator or rule");
                require(code, reporter != Reporter.INSTITUTION, "reporter",
                        "a direct value is reported by a county or jurisdiction, not summed over institutions");
            }
        }
        if (shape != ComputationShape.PER_POPULATION_DENSITY) {
            require(code, scale == null, "populationScale", "only a density has a population scale");
        }
        for (String f : new String[] {numerator, denominator}) {
            require(code, f == null || FieldNames.isValid(f), "numeratorField", "'" + f + "' is not a field name");
        }
    }

    private static void require(String code, boolean ok, String field, String message) {
        if (!ok) {
            throw new IllegalArgumentException(code + ": " + field + ": " + message);
        }
    }

    public boolean appliesTo(InstitutionType type) {
        return applicableTypes.contains(type);
    }

    /** A copy that only counts units passing {@code filter}. */
    public IndicatorDefinition withUnitFilter(Condition filter) {
        return new IndicatorDefinition(code, nameZh, nameEn, category, shape, unit, reporter, applicableTypes,
                numeratorField, denominatorField, perUnitRule, filter, populationScale);
    }

    /** Every report field the indicator reads: numerator, denominator, rule and filter facts. */
    public Set<String> fields() {
        var all = new LinkedHashSet<String>();
        if (numeratorField != null) {
            all.add(numeratorField);
        }
        if (denominatorField != null) {
            all.add(denominatorField);
        }
        all.addAll(perUnitRule.fields());
        all.addAll(unitFilter.fields());
        return all;
    }

    // --- one factory per shape, so the catalogue reads as a table ------------------------------

    /** Share of institutions of {@code types} meeting {@code rule}. */
    public static IndicatorDefinition complianceRate(String code, String nameZh, String nameEn, Category category,
            Set<InstitutionType> types, Condition rule) {
        return new IndicatorDefinition(code, nameZh, nameEn, category, ComputationShape.COMPLIANCE_RATE, Unit.PERCENT,
                Reporter.INSTITUTION, types, null, null, rule, null, null);
    }

    /** Share of counties meeting {@code rule}, judged on county figures. */
    public static IndicatorDefinition countyComplianceRate(String code, String nameZh, String nameEn,
            Category category, Condition rule) {
        return new IndicatorDefinition(code, nameZh, nameEn, category, ComputationShape.COMPLIANCE_RATE, Unit.PERCENT,
                Reporter.COUNTY, Set.of(), null, null, rule, null, null);
    }

    public static IndicatorDefinition aggregateRatio(String code, String nameZh, String nameEn, Category category,
            Reporter reporter, Set<InstitutionType> types, String numerator, String denominator) {
        return new IndicatorDefinition(code, nameZh, nameEn, category, ComputationShape.AGGREGATE_RATIO, Unit.PERCENT,
                reporter, types, numerator, denominator, null, null, null);
    }

    public static IndicatorDefinition density(String code, String nameZh, String nameEn, Category category,
            Reporter reporter, String counted, String population, Unit unit) {
        return new IndicatorDefinition(code, nameZh, nameEn, category, ComputationShape.PER_POPULATION_DENSITY, unit,
                reporter, Set.of(), counted, population, null, null, unit.populationScale());
    }

    /** Number of institutions of {@code types} meeting {@code rule}. */
    public static IndicatorDefinition countOf(String code, String nameZh, String nameEn, Category category,
            Set<InstitutionType> types, Condition rule) {
        return new IndicatorDefinition(code, nameZh, nameEn, category, ComputationShape.COUNT, Unit.COUNT,
                Reporter.INSTITUTION, types, null, null, rule, null, null);
    }

    /** A count the jurisdiction reports as a figure. */
    public static IndicatorDefinition reportedCount(String code, String nameZh, String nameEn, Category category,
            String field) {
        return new IndicatorDefinition(code, nameZh, nameEn, category, ComputationShape.COUNT, Unit.COUNT,
                Reporter.JURISDICTION, Set.of(), field, null, null, null, null);
    }

    public static IndicatorDefinition directValue(String code, String nameZh, String nameEn, Category category,
            Unit unit, String field) {
        return new IndicatorDefinition(code, nameZh, nameEn, category, ComputationShape.DIRECT_VALUE, unit,
                Reporter.JURISDICTION, Set.of(), field, null, null, null, null);
    }
}
