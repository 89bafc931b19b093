package org.tcmeval.registry.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tcmeval.registry.InstitutionChange;
import org.tcmeval.registry.config.RegistryConfig;
import org.tcmeval.registry.mapping.InstitutionCsv;
import org.tcmeval.registry.repository.DivisionRepository;
import org.tcmeval.registry.repository.InstitutionRepository;
import org.tcmeval.registry.rest.ImportReport;
import org.tcmeval.support.csv.UploadText;
import org.tcmeval.support.security.Jurisdiction;

/**
 * Bulk import of institutions from CSV. A row is matched to a registered institution by its id,
 * else its USCC, else its registration number: matched and equal is unchanged, matched and
 * different is an update, unmatched is a new institution. So re-importing a file changes nothing.
 * By default one bad row refuses the whole file; with {@code partial} the good rows go in.
 */
@ApplicationScoped
public class InstitutionImportService {

    @Inject
    InstitutionRepository repository;

    @Inject
    DivisionRepository divisions;

    @Inject
    InstitutionEvents events;

    @Inject
    RegistryConfig config;

    /**
     * Decodes and checks the file off the event loop (a province is tens of thousands of rows), then
     * checks it against the database and writes it in one transaction.
     */
    public Uni<ImportReport> importCsv(byte[] body, boolean partial, Jurisdiction jurisdiction, String who) {
        return OffLoop.compute(() -> InstitutionImportPlan.screen(UploadText.decode(body), jurisdiction))
                .flatMap(screened -> Panache.withTransaction(() -> apply(screened, partial, jurisdiction, who)));
    }

    private Uni<ImportReport> apply(InstitutionImportPlan.Screened screened, boolean partial, Jurisdiction jurisdiction,
            String who) {
        long started = System.nanoTime();
        List<InstitutionCsv.Row> rows = screened.rows();
        Set<String> codes = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Set<String> usccs = new HashSet<>();
        Set<String> registrations = new HashSet<>();
        for (InstitutionCsv.Row r : rows) {
            codes.add(r.draft().divisionCode());
            if (r.id() != null) {
                ids.add(r.id().toString());
            }
            addIfPresent(usccs, r.draft().uscc());
            addIfPresent(registrations, r.draft().registrationNumber());
        }
        return divisions.existing(codes).flatMap(known -> repository.matching(ids, usccs, registrations).flatMap(found -> {
            InstitutionImportPlan plan = InstitutionImportPlan.of(screened, known, found, jurisdiction);
            if (!plan.errors.isEmpty() && !partial) {
                throw ImportErrors.rejected(plan.errors, screened.rowCount(), config.imports().maxReportedErrors(), true);
            }
            return write(plan, who).map(ignored -> {
                double seconds = (System.nanoTime() - started) / 1e9;
                Log.debugf("institution import by %s: %d created, %d updated, %d unchanged, %d rejected; database part "
                        + "%.2f s (%.0f rows/s)", who, plan.created.size(), plan.updated.size(), plan.unchanged,
                        plan.errors.size(), seconds, screened.rowCount() / seconds);
                return new ImportReport(screened.rowCount(), plan.created.size(), plan.updated.size(), plan.unchanged,
                        ImportErrors.rowsWithErrors(plan.errors),
                        ImportErrors.listed(plan.errors, config.imports().maxReportedErrors()));
            });
        })).onFailure().transform(Failures::translate);
    }

    /** Updates first (their flush frees identifiers a new row may take), then the new rows in bulk. */
    private Uni<Void> write(InstitutionImportPlan plan, String who) {
        int chunk = config.imports().batchRows();
        plan.updated.forEach(r -> r.institution().updatedBy = who);
        plan.created.forEach(r -> r.institution().updatedBy = who);
        Uni<Void> updates = plan.updated.isEmpty() ? Uni.createFrom().voidItem()
                : repository.flush().flatMap(f -> events.recordAll(plan.updated, InstitutionChange.Source.IMPORT, who, chunk));
        return updates
                .flatMap(ignored -> repository.insertAll(plan.created.stream().map(InstitutionEvents.Revision::institution)
                        .toList(), chunk))
                .flatMap(ignored -> events.recordAll(plan.created, InstitutionChange.Source.IMPORT, who, chunk));
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }
}
