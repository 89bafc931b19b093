package org.tcmeval.reporting.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.FiguresJson;
import org.tcmeval.events.ReportSubmitted;
import org.tcmeval.events.Topics;
import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.reporting.ReportVersion;
import org.tcmeval.reporting.mapping.ReportMapper;
import org.tcmeval.support.outbox.Outbox;

/**
 * Publishes {@code report-submitted} through the outbox, keyed by the report's county
 * ({@link ReportSubmitted#partitionKey}) so that one report's changes stay in order on one partition.
 */
@ApplicationScoped
public class ReportEvents {

    static final String SOURCE = "/reporting";

    @Inject
    Outbox outbox;

    public Uni<Void> publish(ReportSubmission r, ReportVersion v) {
        return publish(r, v, FiguresJson.read(v.figures));
    }

    /** As {@link #publish(ReportSubmission, ReportVersion)}, with the version's figures already at hand. */
    public Uni<Void> publish(ReportSubmission r, ReportVersion v, Map<String, BigDecimal> figures) {
        List<String> techniques = ReportMapper.techniques(v);
        ReportSubmitted data = new ReportSubmitted(r.id.toString(), v.key.version(), r.revision, r.reporterKind.name(),
                r.reporterId, r.institutionId == null ? null : r.institutionId.toString(),
                r.institutionType == null ? null : r.institutionType.name(), r.divisionCode, r.year, r.period,
                r.status.name(), figures, techniques, v.submittedAt, r.updatedAt);
        return outbox.enqueue(Topics.REPORT_SUBMITTED, ReportSubmitted.partitionKey(r.divisionCode), EventEnvelope.of(SOURCE,
                EventTypes.REPORT_SUBMITTED, r.id.toString(), ReportSubmitted.VERSION, data)).replaceWithVoid();
    }
}
