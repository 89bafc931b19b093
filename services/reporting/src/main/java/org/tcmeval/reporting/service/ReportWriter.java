package org.tcmeval.reporting.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tcmeval.events.FiguresJson;
import org.tcmeval.events.Json;
import org.tcmeval.reporting.ReportAction;
import org.tcmeval.reporting.ReportContent;
import org.tcmeval.reporting.ReportDiff;
import org.tcmeval.reporting.ReportRules;
import org.tcmeval.reporting.ReportStatus;
import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.reporting.ReportVersion;
import org.tcmeval.reporting.ReportWorkflow;
import org.tcmeval.reporting.ReviewDecision;
import org.tcmeval.reporting.repository.ReportRepository;
import org.tcmeval.reporting.technique.TechniqueCheck;
import org.tcmeval.reporting.technique.TechniqueDirectory;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.targets.ReportField;
import org.tcmeval.targets.ReportForm;
import org.tcmeval.support.problem.ProblemType;

/**
 * The one place a report changes: validates the content against the reporter's form, moves the
 * workflow, keeps the new version or decision, and publishes {@code report-submitted} through the
 * outbox in the same transaction. Drafts are kept but never published.
 */
@ApplicationScoped
public class ReportWriter {

    @Inject
    ReportRepository reports;

    @Inject
    WindowService windows;

    @Inject
    ReportEvents events;

    @Inject
    TechniqueDirectory catalogue;

    @Inject
    Clock clock;

    /** Adds a version to a stored report (a correction, a draft saved again, or a draft submitted). */
    public Uni<ReportSubmission> addVersion(ReportSubmission r, ReportContent content, ReportAction action, String who) {
        return addVersion(r, content, action, who, false);
    }

    /**
     * Stores a new report with its first version. The report is persisted only once its version is
     * decided, so its row is inserted as it ends up, not inserted and then updated.
     */
    public Uni<ReportSubmission> addFirstVersion(ReportSubmission r, ReportContent content, ReportAction action,
            String who) {
        return addVersion(r, content, action, who, true);
    }

    private Uni<ReportSubmission> addVersion(ReportSubmission r, ReportContent content, ReportAction action, String who,
            boolean isNew) {
        ReportStatus next = transition(r, action);
        ReportForm form = r.reporterKind.form(r.institutionType);
        List<FieldError> errors = new ArrayList<>(ReportRules.checkFigures(form, content.figures()));
        if (content.techniques() != null && !form.hasTechniques()) {
            errors.add(new FieldError("techniqueItems", "on-form", "the form of this reporter lists no technique items"));
        }
        Uni<TechniqueCheck> techniques = content.techniques() == null || !form.hasTechniques()
                ? Uni.createFrom().nullItem() : catalogue.check(r.divisionCode, content.techniques());
        return techniques.chain(check -> {
            if (check != null) {
                errors.addAll(check.errors());
            }
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            Uni<Void> windowCheck = next == ReportStatus.DRAFT ? Uni.createFrom().voidItem() : windows.requireOpen(r);
            return windowCheck.chain(() -> previousFigures(r))
                    .chain(before -> write(r, content, check, next, who, before, isNew));
        });
    }

    private Uni<ReportSubmission> write(ReportSubmission r, ReportContent content, TechniqueCheck check,
            ReportStatus next, String who, Map<String, BigDecimal> before, boolean isNew) {
        Map<String, BigDecimal> figures = new TreeMap<>(content.figures());
        if (check != null) {
            // Classes and items are counted from the listed codes, never typed in (the form says so).
            figures.put(ReportField.TECHNIQUE_CLASSES.name(), BigDecimal.valueOf(check.classes()));
            figures.put(ReportField.TECHNIQUE_ITEMS.name(), BigDecimal.valueOf(check.items()));
        }
        ReportVersion v = new ReportVersion();
        v.key = new ReportVersion.Key(r.id, r.currentVersion + 1);
        v.figures = FiguresJson.write(figures);
        v.techniques = check == null ? null : Json.write(check.itemCodes());
        v.changes = before == null ? null : Json.write(ReportDiff.between(before, figures));
        v.status = next == ReportStatus.DRAFT ? ReportStatus.DRAFT : ReportStatus.SUBMITTED;
        v.submittedBy = who;
        v.submittedAt = OffsetDateTime.now(clock);
        r.currentVersion = v.key.version();
        r.revision++;
        r.status = next;
        r.updatedAt = v.submittedAt;
        if (next != ReportStatus.DRAFT && r.firstSubmittedAt == null) {
            r.firstSubmittedAt = v.submittedAt;
        }
        Log.debugf("report %s version %d %s", r.id, v.key.version(), next);
        Uni<ReportSubmission> stored = isNew ? reports.persist(r) : Uni.createFrom().item(r);
        return stored.chain(() -> reports.persistVersion(v))
                .chain(() -> next == ReportStatus.DRAFT ? Uni.createFrom().voidItem() : events.publish(r, v, figures))
                .replaceWith(r);
    }

    /** Records a reviewer's decision on the current version; the caller checked who may decide. */
    public Uni<ReportSubmission> addDecision(ReportSubmission r, ReportAction decision, String comment, String who) {
        ReportStatus next = transition(r, decision);
        return reports.version(r.id, r.currentVersion).chain(v -> {
            if (who.equals(v.submittedBy)) {
                throw new ProblemException(ProblemType.OWN_SUBMISSION, "you submitted version "
                        + v.key.version() + " yourself; another reviewer must decide on it", List.of());
            }
            ReviewDecision d = new ReviewDecision();
            r.revision++;
            r.status = next;
            r.updatedAt = OffsetDateTime.now(clock);
            d.key = new ReviewDecision.Key(r.id, r.revision);
            d.version = r.currentVersion;
            d.decision = decision;
            d.comment = comment;
            d.decidedBy = who;
            d.decidedAt = r.updatedAt;
            return reports.persistDecision(d).chain(() -> events.publish(r, v)).replaceWith(r);
        });
    }

    private static ReportStatus transition(ReportSubmission r, ReportAction action) {
        ReportStatus from = r.currentVersion == 0 ? null : r.status;
        return ReportWorkflow.next(from, action).orElseThrow(() -> new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                "a report that is " + (from == null ? "new" : from) + " cannot be "
                        + describe(action), List.of()));
    }

    private static String describe(ReportAction action) {
        return switch (action) {
            case SAVE_DRAFT -> "saved as a draft";
            case SUBMIT -> "submitted";
            case APPROVE -> "approved";
            case RETURN -> "returned";
        };
    }

    private Uni<Map<String, BigDecimal>> previousFigures(ReportSubmission r) {
        if (r.currentVersion == 0) {
            return Uni.createFrom().nullItem();
        }
        return reports.version(r.id, r.currentVersion).map(v -> FiguresJson.read(v.figures));
    }
}
