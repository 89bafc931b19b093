package org.tcmeval.registry.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tcmeval.registry.Division;
import org.tcmeval.registry.DivisionCodes;
import org.tcmeval.registry.DivisionRules;
import org.tcmeval.registry.config.RegistryConfig;
import org.tcmeval.registry.mapping.DivisionCsv;
import org.tcmeval.registry.repository.DivisionRepository;
import org.tcmeval.registry.rest.ImportReport;
import org.tcmeval.registry.rest.RowError;
import org.tcmeval.support.csv.UploadText;
import org.tcmeval.support.security.Jurisdiction;

/**
 * CSV import and export of a division tree. Import is all or nothing and idempotent: a row equal to
 * what is stored is left alone, so re-importing a file changes nothing and publishes nothing; every
 * created or changed division is published as {@code division-changed} in the import's transaction.
 */
@ApplicationScoped
public class DivisionTransferService {

    @Inject
    DivisionRepository repository;

    @Inject
    RegistryConfig config;

    @Inject
    DivisionEvents events;

    /** {@code root} and everything below it, parents first. */
    @WithSession
    public Uni<List<Division>> subtree(String root, Jurisdiction jurisdiction) {
        if (jurisdiction.national() && (root == null || Jurisdiction.NATIONAL.equals(root))) {
            return repository.subtree("");
        }
        String code = root == null ? jurisdiction.divisionCode() : root;
        DivisionService.requireCode("root", code);
        if (!jurisdiction.covers(code)) {
            throw org.tcmeval.support.problem.ProblemException.notFound("division " + code);
        }
        return repository.subtree(code).invoke(list -> {
            if (list.isEmpty()) {
                throw org.tcmeval.support.problem.ProblemException.notFound("division " + code);
            }
        });
    }

    public Uni<ImportReport> importCsv(byte[] body, Jurisdiction jurisdiction, String who) {
        return OffLoop.compute(() -> screen(DivisionCsv.read(UploadText.decode(body)), jurisdiction))
                .flatMap(screened -> Panache.withTransaction(() -> apply(screened, jurisdiction, who)));
    }

    private record Screened(DivisionCsv.Parsed parsed, List<RowError> errors) {
    }

    private static Screened screen(DivisionCsv.Parsed parsed, Jurisdiction jurisdiction) {
        List<RowError> errors = new ArrayList<>(parsed.errors());
        Map<String, Integer> seen = new HashMap<>();
        for (DivisionCsv.Row row : parsed.rows()) {
            DivisionCsv.Line l = row.line();
            DivisionRules.check(l.code(), l.name(), l.levelLabel())
                    .forEach(e -> errors.add(new RowError(row.row(), e.field(), e.rule(), e.message())));
            if (DivisionCodes.isValid(l.code()) && !jurisdiction.covers(l.code())) {
                errors.add(new RowError(row.row(), "code", "jurisdiction", "code " + l.code()
                        + " is outside your jurisdiction " + jurisdiction.divisionCode()));
            }
            Integer earlier = seen.putIfAbsent(l.code(), row.row());
            if (earlier != null) {
                errors.add(new RowError(row.row(), "code", "duplicate-code", "code " + l.code() + " is also in row " + earlier));
            }
        }
        return new Screened(parsed, errors);
    }

    private Uni<ImportReport> apply(Screened screened, Jurisdiction jurisdiction, String who) {
        DivisionCsv.Parsed parsed = screened.parsed();
        Set<String> wanted = new HashSet<>(parsed.codes());
        parsed.codes().forEach(c -> {
            if (DivisionCodes.parentOf(c) != null) {
                wanted.add(DivisionCodes.parentOf(c));
            }
        });
        return repository.byCodes(wanted).flatMap(stored -> {
            List<RowError> errors = new ArrayList<>(screened.errors());
            List<Division> created = new ArrayList<>();
            List<Division> updated = new ArrayList<>();
            Map<String, SortedMap<Integer, Long>> populations = new LinkedHashMap<>();
            OffsetDateTime now = OffsetDateTime.now();
            Set<Integer> faulty = new HashSet<>();
            screened.errors().forEach(e -> faulty.add(e.row()));
            for (DivisionCsv.Row row : parsed.rows()) {
                DivisionCsv.Line l = row.line();
                String parent = DivisionCodes.isValid(l.code()) ? DivisionCodes.parentOf(l.code()) : null;
                if (parent != null && !parsed.codes().contains(parent) && !stored.containsKey(parent)) {
                    errors.add(new RowError(row.row(), "code", "parent-exists", "the parent " + parent + " of "
                            + l.code() + " is neither in this file nor registered"));
                }
                if (faulty.contains(row.row())) {
                    continue;
                }
                Division existing = stored.get(l.code());
                String label = parsed.has("levelLabel") ? DivisionRules.normalizeLabel(l.levelLabel())
                        : existing == null ? null : existing.levelLabel;
                SortedMap<Integer, Long> population = new TreeMap<>(existing == null ? Map.of() : existing.population);
                parsed.years().forEach(population::remove);
                population.putAll(l.population());
                String name = l.name().strip();
                if (existing == null) {
                    Division d = new Division();
                    d.code = l.code();
                    d.parentCode = parent;
                    d.level = DivisionCodes.level(l.code());
                    d.population = population;
                    created.add(stamp(d, name, label, now, who));
                    populations.put(d.code, population);
                } else if (!existing.name.equals(name) || !Objects.equals(existing.levelLabel, label)
                        || !existing.population.equals(population)) {
                    // Managed entity: the flush writes it; population rows are replaced below.
                    existing.revision++;
                    updated.add(stamp(existing, name, label, now, who));
                    if (!existing.population.equals(population)) {
                        populations.put(existing.code, population);
                    }
                    existing.population = population;   // what the division-changed event carries
                }
            }
            if (!errors.isEmpty()) {
                throw ImportErrors.rejected(errors, parsed.rowCount(), config.imports().maxReportedErrors(), false);
            }
            created.sort(Comparator.comparing((Division d) -> d.code.length()).thenComparing(d -> d.code));
            int chunk = config.imports().batchRows();
            return repository.insertAll(created, chunk)
                    .flatMap(n -> repository.flush())
                    .flatMap(n -> repository.replacePopulation(populations, chunk))
                    .flatMap(n -> events.recordAll(changed(created, updated), chunk))
                    .map(n -> {
                        Log.debugf("division import by %s: %d created, %d changed", who, created.size(), updated.size());
                        return new ImportReport(parsed.rowCount(), created.size(), updated.size(),
                                parsed.rows().size() - created.size() - updated.size(), 0, List.of());
                    });
        }).onFailure().transform(Failures::translate);
    }

    /** Created (parents first) and changed divisions; rows equal to what is stored publish nothing. */
    private static List<Division> changed(List<Division> created, List<Division> updated) {
        List<Division> all = new ArrayList<>(created);
        all.addAll(updated);
        return all;
    }

    private static Division stamp(Division d, String name, String label, OffsetDateTime now, String who) {
        d.name = name;
        d.levelLabel = label;
        d.updatedAt = now;
        d.updatedBy = who;
        if (d.createdAt == null) {
            d.createdAt = now;
        }
        return d;
    }
}
