package org.tcmeval.targets;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A target condition cut into its two meanings (see {@link Target#condition()}): the part on
 * institution facts, which filters the units that count, and the part on division facts, which
 * decides whether the target binds a division at all. Either part may be {@link Condition#NONE}.
 *
 * <p>Only a top-level {@code and} is split, because {@code a and b} filters by {@code a} and
 * applies by {@code b} with the same result. An {@code or} (or a share rule) mixing the two levels
 * has no such reading — "grade 2+ hospitals or counties over 300,000" names neither a set of units
 * nor a set of divisions — so it is rejected when the split is made.
 */
public record ConditionSplit(Condition institutionPart, Condition divisionPart) {

    public static ConditionSplit of(Condition condition) {
        List<Condition> institution = new ArrayList<>();
        List<Condition> division = new ArrayList<>();
        collect(condition, institution, division);
        return new ConditionSplit(conjunction(institution), conjunction(division));
    }

    private static void collect(Condition c, List<Condition> institution, List<Condition> division) {
        Set<FactLevel> levels = EnumSet.noneOf(FactLevel.class);
        c.fields().forEach(f -> levels.add(FactLevel.of(f)));
        if (levels.size() <= 1) {
            if (levels.contains(FactLevel.INSTITUTION)) {
                institution.add(c);
            } else if (levels.contains(FactLevel.DIVISION)) {
                division.add(c);
            }
            return;
        }
        if (c instanceof Condition.All all) {
            all.parts().forEach(p -> collect(p, institution, division));
            return;
        }
        throw new IllegalArgumentException("condition: '" + c.describe() + "' mixes institution facts and division"
                + " facts in one alternative; write it as an 'and' of an institution part and a division part");
    }

    private static Condition conjunction(List<Condition> parts) {
        return switch (parts.size()) {
            case 0 -> Condition.NONE;
            case 1 -> parts.getFirst();
            default -> new Condition.All(parts);
        };
    }
}
