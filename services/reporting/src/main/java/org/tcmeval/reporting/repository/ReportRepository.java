package org.tcmeval.reporting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.reporting.ReportVersion;
import org.tcmeval.reporting.ReviewDecision;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<ReportSubmission, UUID> {

    public Uni<ReportSubmission> findByReporterAndPeriod(String reporterId, String period) {
        return find("reporterId = ?1 and period = ?2", reporterId, period).firstResult();
    }

    public Uni<ReportVersion> version(UUID reportId, int version) {
        return getSession().flatMap(s -> s.find(ReportVersion.class, new ReportVersion.Key(reportId, version)));
    }

    public Uni<ReportVersion> persistVersion(ReportVersion v) {
        return getSession().flatMap(s -> s.persist(v).replaceWith(v));
    }

    public Uni<ReviewDecision> persistDecision(ReviewDecision d) {
        return getSession().flatMap(s -> s.persist(d).replaceWith(d));
    }

    public Uni<List<ReportVersion>> versions(UUID reportId) {
        return getSession().flatMap(s -> s.createSelectionQuery(
                "from ReportVersion where key.reportId = :id order by key.version", ReportVersion.class)
                .setParameter("id", reportId).getResultList());
    }

    public Uni<List<ReviewDecision>> decisions(UUID reportId) {
        return getSession().flatMap(s -> s.createSelectionQuery(
                "from ReviewDecision where key.reportId = :id order by key.revision", ReviewDecision.class)
                .setParameter("id", reportId).getResultList());
    }
}
