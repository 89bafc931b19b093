package org.tcmeval.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcmeval.catalog.mapping.TargetJson;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventJson;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.TargetProfileChanged;
import org.tcmeval.events.TargetSpec;
import org.tcmeval.targets.CanonicalProfiles;
import org.tcmeval.targets.Target;
import org.tcmeval.targets.TargetProfile;

/** What the catalog stores and publishes comes back as the very targets libs/targets transcribed. */
class TargetSpecRoundTripTest {

    @Test
    void everyCanonicalTargetSurvivesTheStoredJson() {
        for (TargetProfile p : CanonicalProfiles.ALL) {
            assertThat(TargetJson.targets(TargetJson.write(p.targets()))).as(p.id()).isEqualTo(p.targets());
        }
    }

    @Test
    void theEventRebuildsTheRevisionInForceEachYear() {
        List<TargetSpec> im = CanonicalProfiles.INNER_MONGOLIA.targets().stream().map(TargetSpec::of).toList();
        List<TargetSpec> raised = im.stream().map(s -> s.indicatorCode().equals("TCM_GP_DENSITY")
                ? new TargetSpec(s.indicatorCode(), s.comparator(), new java.math.BigDecimal("1.0"), null,
                        s.deadlineYear(), s.nature(), null, null, null, s.source())
                : s).toList();
        var event = new TargetProfileChanged("inner-mongolia", "15", 2, List.of(
                new TargetProfileChanged.Revision(1, 2021, "national", im, "seed", OffsetDateTime.now()),
                new TargetProfileChanged.Revision(2, 2026, "national", raised, "user-15", OffsetDateTime.now())));
        var wire = EventJson.read(EventJson.write(EventEnvelope.of("/indicator-catalog",
                EventTypes.TARGET_PROFILE_CHANGED, "inner-mongolia", TargetProfileChanged.VERSION, event)),
                TargetProfileChanged.class).data();

        assertThat(wire.profileInForce(2020)).isEmpty();
        // inner-mongolia 附件 第13项: 0.8 until 2025; revision 2 raises it from 2026.
        Target y2025 = wire.profileInForce(2025).orElseThrow().target("TCM_GP_DENSITY").orElseThrow();
        assertThat(y2025.threshold()).isEqualByComparingTo("0.8");
        Target y2026 = wire.profileInForce(2026).orElseThrow().target("TCM_GP_DENSITY").orElseThrow();
        assertThat(y2026.threshold()).isEqualByComparingTo("1.0");
        assertThat(wire.profileInForce(2025).orElseThrow()).isEqualTo(CanonicalProfiles.INNER_MONGOLIA);
    }
}
