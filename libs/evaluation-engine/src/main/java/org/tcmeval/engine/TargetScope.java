package org.tcmeval.engine;

import org.tcmeval.targets.Condition;
import org.tcmeval.targets.ConditionSplit;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Reporter;
import org.tcmeval.targets.Target;

/**
 * What a target's condition means for its indicator (适用范围), following the one meaning written
 * on {@link Condition}: the institution part filters institution units, the division part decides
 * whether a division is bound. When the indicator's units are counties, a county is both unit and
 * division, so the division part is also the county filter: a city sums only the counties under
 * the condition (Guangxi row 18: the counties of more than 300,000 residents), while a county is
 * judged on its own figures, as every other division is.
 *
 * @param unitFilter which units count
 * @param divisionCondition tested on the judged division's own figures ({@link Condition#NONE} if
 *                          none); for county-reported indicators only when the judged division is
 *                          a county, since a city's figures say nothing about which counties qualify
 */
public record TargetScope(UnitFilter unitFilter, Condition divisionCondition) {

    /** The scope of {@code target} ({@code null}: no target, only the indicator's own filter). */
    public static TargetScope of(IndicatorDefinition indicator, Target target) {
        Condition own = indicator.unitFilter();
        if (target == null) {
            return new TargetScope(filter(own, Condition.NONE), Condition.NONE);
        }
        if (!target.indicatorCode().equals(indicator.code())) {
            throw new IllegalArgumentException("target: a target of " + target.indicatorCode() + " cannot scope "
                    + indicator.code());
        }
        ConditionSplit split = ConditionSplit.of(target.condition());
        return switch (indicator.reporter()) {
            case INSTITUTION -> new TargetScope(filter(own, split.institutionPart()), split.divisionPart());
            case COUNTY -> {
                requireNoInstitutionPart(indicator, split);
                yield new TargetScope(filter(own, split.divisionPart()), split.divisionPart());
            }
            case JURISDICTION -> {
                requireNoInstitutionPart(indicator, split);
                yield new TargetScope(filter(own, Condition.NONE), split.divisionPart());
            }
        };
    }

    /** The division condition to test on {@code divisionCode}'s own figures. */
    Condition divisionConditionAt(IndicatorDefinition indicator, String divisionCode) {
        boolean countyUnits = indicator.reporter() == Reporter.COUNTY;
        return !countyUnits || Divisions.isCounty(divisionCode) ? divisionCondition : Condition.NONE;
    }

    private static UnitFilter filter(Condition own, Condition fromTarget) {
        if (Condition.NONE.equals(fromTarget)) {
            return new UnitFilter(own);
        }
        return new UnitFilter(Condition.NONE.equals(own) ? fromTarget : own.and(fromTarget));
    }

    private static void requireNoInstitutionPart(IndicatorDefinition indicator, ConditionSplit split) {
        if (!Condition.NONE.equals(split.institutionPart())) {
            throw new IllegalArgumentException("condition: '" + split.institutionPart().describe() + "' reads"
                    + " institution facts, but " + indicator.code() + " is reported by " + indicator.reporter()
                    + ", which has no institutions to filter");
        }
    }
}
