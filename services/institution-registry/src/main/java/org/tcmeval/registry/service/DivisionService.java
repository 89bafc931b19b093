package org.tcmeval.registry.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import org.tcmeval.registry.Division;
import org.tcmeval.registry.DivisionCodes;
import org.tcmeval.registry.DivisionRules;
import org.tcmeval.registry.repository.DivisionRepository;
import org.tcmeval.registry.rest.DivisionRequest;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;

/** Reads divisions and keeps them with an idempotent upsert; a division outside the jurisdiction is a 404. */
@ApplicationScoped
public class DivisionService {

    @Inject
    DivisionRepository repository;

    @Inject
    DivisionEvents events;

    /** The division and whether this call created it. */
    public record Upserted(Division division, boolean created) {
    }

    @WithSession
    public Uni<Division> get(String code, Jurisdiction jurisdiction) {
        requireCode("code", code);
        if (!jurisdiction.covers(code)) {
            return Uni.createFrom().failure(ProblemException.notFound("division " + code));
        }
        return repository.findWithPopulation(code).map(d -> {
            if (d == null) {
                throw ProblemException.notFound("division " + code);
            }
            return d;
        });
    }

    /** Children of {@code parent} (default: the caller's own division), in code order. */
    @WithSession
    public Uni<List<Division>> children(String parent, Jurisdiction jurisdiction) {
        if (jurisdiction.national() && (parent == null || Jurisdiction.NATIONAL.equals(parent))) {
            // The country is no row of its own; its children are the provinces.
            return repository.provinces();
        }
        String code = parent == null ? jurisdiction.divisionCode() : parent;
        requireCode("parent", code);
        return get(code, jurisdiction).flatMap(p -> repository.children(p.code));
    }

    /**
     * Creates the division or replaces its name, label and population, and publishes the new state
     * as {@code division-changed} in the same transaction. Sending what is stored changes nothing,
     * not even the revision, and publishes nothing, so a retried PUT is harmless.
     */
    public Uni<Upserted> upsert(String code, DivisionRequest request, Jurisdiction jurisdiction, String who) {
        List<FieldError> errors = new ArrayList<>(DivisionRules.check(code, request.name(), request.levelLabel()));
        SortedMap<Integer, Long> population = DivisionRules.population(request.population(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (!jurisdiction.covers(code)) {
            throw ProblemException.notFound("division " + code);
        }
        String name = request.name().strip();
        String label = DivisionRules.normalizeLabel(request.levelLabel());
        String parent = DivisionCodes.parentOf(code);
        return Panache.withTransaction(() -> (parent == null ? Uni.createFrom().item(true) : repository.exists(parent))
                .flatMap(parentExists -> {
                    if (!parentExists) {
                        throw missingParent(code, parent);
                    }
                    return repository.findWithPopulation(code);
                })
                .flatMap(existing -> {
                    OffsetDateTime now = OffsetDateTime.now();
                    if (existing != null && existing.name.equals(name) && Objects.equals(existing.levelLabel, label)
                            && existing.population.equals(population)) {
                        return Uni.createFrom().item(new Upserted(existing, false));
                    }
                    Division d = existing != null ? existing : new Division();
                    if (existing == null) {
                        d.code = code;
                        d.parentCode = parent;
                        d.level = DivisionCodes.level(code);
                        d.createdAt = now;
                    } else {
                        d.revision++;
                    }
                    d.name = name;
                    d.levelLabel = label;
                    d.updatedAt = now;
                    d.updatedBy = who;
                    d.population.clear();
                    d.population.putAll(population);
                    // Flushed first: the population rows reference the division.
                    return repository.persistAndFlush(d)
                            .flatMap(saved -> repository.replacePopulation(Map.of(code, population), 1000))
                            .flatMap(n -> events.record(d))
                            .replaceWith(new Upserted(d, existing == null));
                }))
                .onFailure().transform(Failures::translate)
                .invoke(u -> Log.debugf("division %s %s by %s", code, u.created() ? "created" : "kept", who));
    }

    static ProblemException missingParent(String code, String parent) {
        return ProblemException.unprocessable("code", "parent-exists", "the parent " + parent + " of " + code
                + " does not exist; create it first");
    }

    static void requireCode(String field, String code) {
        String problem = DivisionCodes.problem(code);
        if (problem != null) {
            throw ProblemException.invalid(field, "division-code", field + " " + problem);
        }
    }
}
