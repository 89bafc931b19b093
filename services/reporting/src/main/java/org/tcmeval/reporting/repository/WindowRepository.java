package org.tcmeval.reporting.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tcmeval.reporting.ReportingWindow;
import org.tcmeval.reporting.WindowReopening;

@ApplicationScoped
public class WindowRepository {

    public Uni<ReportingWindow> window(String provinceCode, String period) {
        return Panache.getSession().chain(s -> s.find(ReportingWindow.class,
                new ReportingWindow.Key(provinceCode, period)));
    }

    public Uni<ReportingWindow> save(ReportingWindow w) {
        return Panache.getSession().chain(s -> s.merge(w));
    }

    public Uni<WindowReopening> reopening(String reporterId, String period) {
        return Panache.getSession().chain(s -> s.find(WindowReopening.class, new WindowReopening.Key(reporterId, period)));
    }

    public Uni<WindowReopening> saveReopening(WindowReopening w) {
        return Panache.getSession().chain(s -> s.merge(w));
    }
}
