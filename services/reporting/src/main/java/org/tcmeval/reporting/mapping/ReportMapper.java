package org.tcmeval.reporting.mapping;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import org.tcmeval.events.FiguresJson;
import org.tcmeval.events.Json;
import org.tcmeval.reporting.ReportDiff;
import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.reporting.ReportVersion;
import org.tcmeval.reporting.rest.HistoryView;
import org.tcmeval.reporting.rest.ReportView;
import org.tcmeval.reporting.service.ReviewService;

public final class ReportMapper {

    private static final TypeReference<List<String>> CODES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, ReportDiff.Change>> CHANGES = new TypeReference<>() {
    };

    private ReportMapper() {
    }

    public static ReportView toView(ReportSubmission r, ReportVersion v) {
        return new ReportView(r.id, r.reporterKind, r.reporterId, r.institutionId, r.institutionType, r.divisionCode,
                r.period, r.currentVersion, r.revision, r.status, FiguresJson.read(v.figures), techniques(v),
                v.submittedBy, v.submittedAt);
    }

    public static HistoryView toHistory(ReviewService.History h) {
        return new HistoryView(h.report().id, h.report().status, h.report().revision,
                h.versions().stream().map(v -> new HistoryView.VersionEntry(v.key.version(), v.status,
                        FiguresJson.read(v.figures), techniques(v),
                        v.changes == null ? null : Json.read(v.changes, CHANGES), v.submittedBy, v.submittedAt))
                        .toList(),
                h.decisions().stream().map(d -> new HistoryView.DecisionEntry(d.key.revision(), d.version, d.decision,
                        d.comment, d.decidedBy, d.decidedAt)).toList());
    }

    public static List<String> techniques(ReportVersion v) {
        return v.techniques == null ? List.of() : Json.read(v.techniques, CODES);
    }
}
