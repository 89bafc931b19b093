package org.tcmeval.catalog.mapping;

import java.util.List;
import org.tcmeval.catalog.EffectiveTargets;
import org.tcmeval.catalog.LibraryViolations;
import org.tcmeval.catalog.ProfileHistory;
import org.tcmeval.catalog.ProfileRevision;
import org.tcmeval.catalog.rest.EffectiveTargetView;
import org.tcmeval.catalog.rest.EffectiveTargetsView;
import org.tcmeval.catalog.rest.ProfileSummary;
import org.tcmeval.catalog.rest.ProfileView;
import org.tcmeval.catalog.rest.ProvenanceView;
import org.tcmeval.catalog.rest.RevisionSummary;
import org.tcmeval.catalog.rest.SourceBody;
import org.tcmeval.catalog.rest.TargetBody;
import org.tcmeval.catalog.rest.TargetView;
import org.tcmeval.events.TargetProfileChanged;
import org.tcmeval.events.TargetSpec;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Nature;
import org.tcmeval.targets.Source;
import org.tcmeval.targets.Target;

public final class ProfileMapper {

    private ProfileMapper() {
    }

    /**
     * A request's target as libs/targets' {@link Target}, built by its constructor so its checks apply.
     *
     * @param prefix path of the target in the request, for the field names of errors ({@code ""} or {@code targets[2]})
     */
    public static Target toTarget(TargetBody b, String indicatorCode, String prefix) {
        try {
            TargetSpec spec = new TargetSpec(indicatorCode, b.comparator(), b.threshold(), b.upper(),
                    b.deadlineYear() == null ? Target.DEFAULT_DEADLINE : b.deadlineYear(),
                    b.nature() == null ? Nature.EXPECTED : b.nature(), b.baseline(), b.baselineYear(), null,
                    new Source(b.source().document(), b.source().location()));
            Target target = spec.toTarget();
            return b.condition() == null ? target : target.withCondition(condition(b, prefix));
        } catch (IllegalArgumentException e) {
            throw LibraryViolations.problem(e, prefix);
        }
    }

    private static org.tcmeval.targets.Condition condition(TargetBody b, String prefix) {
        try {
            return ConditionMapper.toSpec(b.condition()).toCondition();
        } catch (IllegalArgumentException e) {
            throw LibraryViolations.problem(e, prefix.isEmpty() ? "condition" : prefix + ".condition");
        }
    }

    public static TargetView toView(Target t) {
        IndicatorDefinition i = t.indicator();
        return new TargetView(t.indicatorCode(), i.nameZh(), i.unit(), t.comparator(), t.threshold(), t.upper(),
                t.deadlineYear(), t.nature(), t.baseline(), t.baselineYear(), ConditionMapper.toBody(t.condition()),
                t.condition().describe(), source(t.source()));
    }

    public static ProfileView toView(ProfileHistory h, ProfileRevision r) {
        return new ProfileView(h.id(), h.profile().divisionCode, r.key.revision(), h.profile().currentRevision,
                r.effectiveFrom, r.parentId, r.changedBy, r.changedAt,
                TargetJson.targets(r.targets).stream().map(ProfileMapper::toView).toList());
    }

    public static ProfileSummary toSummary(ProfileHistory h) {
        ProfileRevision latest = h.latest();
        return new ProfileSummary(h.id(), h.profile().divisionCode, latest.parentId, h.profile().currentRevision,
                latest.effectiveFrom, TargetJson.specs(latest.targets).size());
    }

    public static RevisionSummary toSummary(ProfileRevision r) {
        return new RevisionSummary(r.key.revision(), r.effectiveFrom, r.parentId, TargetJson.specs(r.targets).size(),
                r.changedBy, r.changedAt);
    }

    public static EffectiveTargetsView toView(EffectiveTargets e) {
        return new EffectiveTargetsView(e.divisionCode(), e.year(),
                e.chain().stream().map(ProfileMapper::toView).toList(),
                e.targets().stream().map(ProfileMapper::toView).toList());
    }

    private static EffectiveTargetView toView(EffectiveTargets.Entry entry) {
        Target t = entry.target();
        IndicatorDefinition i = t.indicator();
        return new EffectiveTargetView(t.indicatorCode(), i.nameZh(), i.category(), i.shape(), i.unit(),
                IndicatorMapper.describe(i.perUnitRule()), t.comparator(), t.threshold(), t.upper(), t.deadlineYear(),
                t.nature(), t.baseline(), t.baselineYear(), ConditionMapper.toBody(t.condition()),
                t.condition().describe(), source(t.source()), toView(entry.provenance()));
    }

    private static ProvenanceView toView(EffectiveTargets.Provenance p) {
        return new ProvenanceView(p.profileId(), p.divisionCode(), p.revision(), p.effectiveFrom());
    }

    /** The event: the profile with every revision, so the compacted topic alone rebuilds its history. */
    public static TargetProfileChanged toEvent(ProfileHistory h) {
        List<TargetProfileChanged.Revision> revisions = h.revisions().stream()
                .map(r -> new TargetProfileChanged.Revision(r.key.revision(), r.effectiveFrom, r.parentId,
                        TargetJson.specs(r.targets), r.changedBy, r.changedAt))
                .toList();
        return new TargetProfileChanged(h.id(), h.profile().divisionCode, h.profile().currentRevision, revisions);
    }

    private static SourceBody source(Source s) {
        return new SourceBody(s.document(), s.location());
    }
}
