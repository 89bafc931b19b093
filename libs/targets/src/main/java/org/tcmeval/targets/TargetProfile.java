package org.tcmeval.targets;

import java.util.List;
import java.util.Optional;

/**
 * A jurisdiction's target profile (目标档案): the targets a division sets, inheriting everything
 * else from its parent profile (national → province → city → county).
 *
 * @param id stable profile id, e.g. {@code guangxi-2022}
 * @param divisionCode GB/T 2260 code of the jurisdiction ({@code 00} for the national baseline)
 * @param parentId id of the profile inherited from, {@code null} for the root
 * @param targets targets this profile sets or overrides
 */
public record TargetProfile(String id, String divisionCode, String parentId, List<Target> targets) {

    public TargetProfile {
        targets = List.copyOf(targets);
    }

    public Optional<Target> target(String indicatorCode) {
        return targets.stream().filter(t -> t.indicatorCode().equals(indicatorCode)).findFirst();
    }
}
