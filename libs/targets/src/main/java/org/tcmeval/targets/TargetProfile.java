package org.tcmeval.targets;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A jurisdiction's target profile (目标档案): the targets a division sets, inheriting everything
 * else from its parent profile (national → province → city → county).
 *
 * @param id stable profile id, e.g. {@code guangxi-2022}
 * @param divisionCode GB/T 2260 code of the jurisdiction: {@code 00} for the national baseline,
 *                     else 2 (province), 4 (city) or 6 (county) digits
 * @param parentId id of the profile inherited from, {@code null} for the root
 * @param targets targets this profile sets or overrides, at most one per indicator; each was checked
 *                against the indicator catalogue when it was built, so no unknown code gets in
 */
public record TargetProfile(String id, String divisionCode, String parentId, List<Target> targets) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DIVISION = Pattern.compile("00|\\d{2}|\\d{4}|\\d{6}");

    public TargetProfile {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: '" + id + "' is not a lower-case kebab profile id");
        }
        if (divisionCode == null || !DIVISION.matcher(divisionCode).matches()) {
            throw new IllegalArgumentException(id + ": divisionCode: '" + divisionCode
                    + "' is not 00 or a 2-, 4- or 6-digit GB/T 2260 code");
        }
        if (id.equals(parentId)) {
            throw new IllegalArgumentException(id + ": parentId: a profile cannot inherit from itself");
        }
        targets = List.copyOf(targets);
        Set<String> seen = new HashSet<>();
        for (Target t : targets) {
            if (!seen.add(t.indicatorCode())) {
                throw new IllegalArgumentException(id + ": targets: indicator " + t.indicatorCode()
                        + " is set twice; a profile holds one target per indicator");
            }
        }
    }

    public Optional<Target> target(String indicatorCode) {
        return targets.stream().filter(t -> t.indicatorCode().equals(indicatorCode)).findFirst();
    }
}
