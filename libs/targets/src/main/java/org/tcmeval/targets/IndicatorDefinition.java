package org.tcmeval.targets;

import java.util.Objects;
import java.util.Set;

/**
 * An evaluation indicator (评价指标): what is measured and how, independent of any jurisdiction's
 * threshold. The computation is data — a {@link ComputationShape} plus the report fields it reads —
 * so the evaluation engine interprets it instead of running a class per indicator.
 *
 * @param code stable machine code, used in APIs, events and URLs
 * @param nameZh the name as the source documents write it
 * @param nameEn English name for dashboards
 * @param shape how the value is computed
 * @param unit unit of the computed value
 * @param applicableTypes institution types whose reports feed the indicator
 * @param numeratorField report field summed as numerator (ratio and density shapes)
 * @param denominatorField report field summed as denominator (ratio shape); {@code null} otherwise
 */
public record IndicatorDefinition(
        String code,
        String nameZh,
        String nameEn,
        ComputationShape shape,
        Unit unit,
        Set<InstitutionType> applicableTypes,
        String numeratorField,
        String denominatorField) {

    public IndicatorDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(unit, "unit");
        applicableTypes = Set.copyOf(applicableTypes);
        if (shape == ComputationShape.AGGREGATE_RATIO && (numeratorField == null || denominatorField == null)) {
            throw new IllegalArgumentException(code + ": an aggregate ratio needs a numerator and a denominator field");
        }
    }

    public boolean appliesTo(InstitutionType type) {
        return applicableTypes.contains(type);
    }
}
