package org.tcmeval.reporting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.reporting.ReportVersion;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<ReportSubmission, UUID> {

    public Uni<ReportSubmission> findByInstitutionAndPeriod(UUID institutionId, String period) {
        return find("institutionId = ?1 and period = ?2", institutionId, period).firstResult();
    }

    public Uni<ReportVersion> version(UUID reportId, int version) {
        return getSession().flatMap(s -> s.find(ReportVersion.class, new ReportVersion.Key(reportId, version)));
    }

    public Uni<ReportVersion> persistVersion(ReportVersion v) {
        return getSession().flatMap(s -> s.persist(v).replaceWith(v));
    }
}
