package org.tcmeval.reporting.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.reporting.ReportAction;
import org.tcmeval.reporting.ReportDiff;
import org.tcmeval.reporting.ReportStatus;

@Schema(name = "ReportHistory", description = "Every version and review decision of a report, oldest first; nothing "
        + "is ever overwritten or deleted.")
public record HistoryView(UUID id, ReportStatus status, int revision, List<VersionEntry> versions,
        List<DecisionEntry> decisions) {

    @Schema(name = "ReportVersionEntry")
    public record VersionEntry(int version, ReportStatus status, Map<String, BigDecimal> figures,
            List<String> techniqueItems,
            @Schema(description = "Fields that differ from the previous version", example =
                    "{\"tcmPhysicians\": {\"from\": 2, \"to\": 3}}")
            Map<String, ReportDiff.Change> changes,
            String submittedBy, OffsetDateTime submittedAt) {
    }

    @Schema(name = "ReviewDecisionEntry")
    public record DecisionEntry(int revision, int version, ReportAction decision, String comment, String decidedBy,
            OffsetDateTime decidedAt) {
    }
}
