package org.tcmeval.registry.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.events.Topics;
import org.tcmeval.registry.Institution;
import org.tcmeval.registry.InstitutionRules;
import org.tcmeval.registry.mapping.InstitutionMapper;
import org.tcmeval.registry.repository.InstitutionRepository;
import org.tcmeval.registry.rest.InstitutionRequest;
import org.tcmeval.support.outbox.Outbox;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;

/** Registers institutions; every change is written together with its {@code institution-changed} event. */
@ApplicationScoped
public class InstitutionService {

    static final String SOURCE = "/institution-registry";

    @Inject
    InstitutionRepository repository;

    @Inject
    Outbox outbox;

    /** Must run inside a transaction (the caller's), so the row and its event commit together. */
    public Uni<Institution> create(InstitutionRequest request, Jurisdiction jurisdiction) {
        var errors = InstitutionRules.check(request.type(), request.divisionCode(), request.uscc(), request.openedOn(),
                request.closedOn());
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (!jurisdiction.covers(request.divisionCode())) {
            throw new ProblemException(403, "outside-jurisdiction", "Outside your jurisdiction",
                    "division " + request.divisionCode() + " is outside your jurisdiction " + jurisdiction.divisionCode(),
                    List.of());
        }
        Uni<Boolean> taken = request.uscc() == null ? Uni.createFrom().item(false) : repository.usccTaken(request.uscc());
        return taken.flatMap(isTaken -> {
            if (isTaken) {
                throw ProblemException.conflict("duplicate-uscc", "an institution with uscc " + request.uscc()
                        + " is already registered");
            }
            Institution i = new Institution();
            i.id = UUID.randomUUID();
            i.name = request.name().strip();
            i.type = request.type();
            i.divisionCode = request.divisionCode();
            i.countyCode = InstitutionRules.countyOf(request.divisionCode());
            i.uscc = request.uscc();
            i.registrationNumber = request.registrationNumber();
            i.openedOn = request.openedOn();
            i.closedOn = request.closedOn();
            i.createdAt = OffsetDateTime.now();
            i.updatedAt = i.createdAt;
            return repository.persistAndFlush(i).flatMap(saved -> publish(saved).replaceWith(saved));
        }).invoke(i -> Log.debugf("registered institution %s (%s) in %s", i.id, i.type, i.divisionCode));
    }

    /** Answers 404 for an institution outside the caller's jurisdiction, so existence is not revealed. */
    @WithSession
    public Uni<Institution> get(UUID id, Jurisdiction jurisdiction) {
        return repository.findById(id).map(i -> {
            if (i == null || !jurisdiction.covers(i.divisionCode)) {
                throw ProblemException.notFound("institution " + id);
            }
            return i;
        });
    }

    @WithSession
    public Uni<List<Institution>> list(String divisionPrefix, UUID after, int limit, Jurisdiction jurisdiction) {
        String prefix = divisionPrefix == null ? jurisdiction.divisionCode() : divisionPrefix;
        if (!jurisdiction.covers(prefix)) {
            return Uni.createFrom().item(List.of());
        }
        return repository.page(prefix, after, limit);
    }

    private Uni<?> publish(Institution i) {
        InstitutionChanged data = InstitutionMapper.toEvent(i);
        return outbox.enqueue(Topics.INSTITUTION_CHANGED, i.id.toString(),
                EventEnvelope.of(SOURCE, EventTypes.INSTITUTION_CHANGED, i.id.toString(), InstitutionChanged.VERSION, data));
    }
}
