package org.tcmeval.reporting.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tcmeval.reporting.ReportAction;
import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.reporting.ReportVersion;
import org.tcmeval.reporting.ReviewDecision;
import org.tcmeval.reporting.repository.ReportRepository;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.problem.ProblemType;

/**
 * Review decisions (审核): the county decides on its institutions' reports, the city on its
 * counties', the province on its cities'. A decision names the revision it was made on, so it can
 * never approve figures the reviewer has not seen.
 */
@ApplicationScoped
public class ReviewService {

    @Inject
    ReportService reports;

    @Inject
    ReportRepository repository;

    @Inject
    ReportWriter writer;

    /** One decision; runs in the caller's transaction. */
    public Uni<ReportSubmission> decide(UUID id, int expectedRevision, ReportAction decision, String comment,
            Jurisdiction jurisdiction, String who) {
        if (decision == ReportAction.RETURN && (comment == null || comment.isBlank())) {
            throw ProblemException.invalid("comment", "required-on-return",
                    "say what must be corrected when returning a report");
        }
        return reports.get(id, jurisdiction).chain(r -> {
            if (!jurisdiction.hasRole(r.reporterKind.reviewerRole())) {
                throw new io.quarkus.security.ForbiddenException(r.reporterKind + " reports are decided by "
                        + r.reporterKind.reviewerRole());
            }
            if (r.revision != expectedRevision) {
                throw ProblemException.stale("report is at revision " + r.revision + ", not " + expectedRevision
                        + "; read it again before deciding");
            }
            return writer.addDecision(r, decision, comment, who);
        });
    }

    /** The outcome of one item of a bulk decision: the new revision, or the problem that stopped it. */
    public record Outcome(UUID id, ReportSubmission report, ProblemException problem) {
    }

    /**
     * The same decision on many reports, each in its own transaction: one stale or foreign report does
     * not hold back the others, and the answer says which succeeded.
     */
    public Uni<List<Outcome>> decideAll(List<UUID> ids, List<Integer> revisions, ReportAction decision, String comment,
            Jurisdiction jurisdiction, String who) {
        List<Outcome> outcomes = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            int revision = revisions.get(i);
            chain = chain.chain(() -> Panache.withTransaction(() -> decide(id, revision, decision, comment, jurisdiction,
                            who))
                    .map(r -> new Outcome(id, r, null))
                    .onFailure(ProblemException.class).recoverWithItem(e -> new Outcome(id, null, (ProblemException) e))
                    .onFailure(io.quarkus.security.ForbiddenException.class).recoverWithItem(e -> new Outcome(id, null,
                            new ProblemException(ProblemType.FORBIDDEN, e.getMessage(), List.of())))
                    .invoke(outcomes::add).replaceWithVoid());
        }
        return chain.replaceWith(outcomes);
    }

    /** Every version and decision of a report, oldest first. */
    public Uni<History> history(UUID id, Jurisdiction jurisdiction) {
        return reports.get(id, jurisdiction).chain(r -> repository.versions(id)
                .chain(versions -> repository.decisions(id).map(decisions -> new History(r, versions, decisions))));
    }

    public record History(ReportSubmission report, List<ReportVersion> versions, List<ReviewDecision> decisions) {
    }
}
