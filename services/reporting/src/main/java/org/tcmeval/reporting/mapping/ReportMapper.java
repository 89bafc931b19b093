package org.tcmeval.reporting.mapping;

import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.events.FiguresJson;
import org.tcmeval.reporting.ReportVersion;
import org.tcmeval.reporting.rest.ReportView;

public final class ReportMapper {

    private ReportMapper() {
    }

    public static ReportView toView(ReportSubmission r, ReportVersion v) {
        return new ReportView(r.id, r.institutionId, r.divisionCode, r.period, r.currentVersion, r.status,
                FiguresJson.read(v.figures), v.submittedBy, v.submittedAt);
    }
}
