package org.tcmeval.registry.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.tcmeval.registry.FieldChange;
import org.tcmeval.registry.Institution;
import org.tcmeval.registry.InstitutionChange;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.InstitutionIds;
import org.tcmeval.registry.InstitutionRules;
import org.tcmeval.registry.repository.DivisionRepository;
import org.tcmeval.registry.repository.InstitutionChangeRepository;
import org.tcmeval.registry.repository.InstitutionRepository;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.support.problem.ProblemType;

/** Registers and changes institutions; every revision is written with its history row and its event. */
@ApplicationScoped
public class InstitutionService {

    @Inject
    InstitutionRepository repository;

    @Inject
    DivisionRepository divisions;

    @Inject
    InstitutionChangeRepository history;

    @Inject
    InstitutionEvents events;

    /** Must run inside a transaction (the caller's), so the row, its history and its event commit together. */
    public Uni<Institution> create(InstitutionDraft draft, Jurisdiction jurisdiction, String who) {
        validate(draft);
        return checkReferences(draft, null, jurisdiction).flatMap(ignored -> {
            Institution i = new Institution();
            i.id = InstitutionIds.next();
            draft.applyTo(i);
            i.createdAt = OffsetDateTime.now();
            i.updatedAt = i.createdAt;
            i.updatedBy = who;
            return repository.persistAndFlush(i)
                    .flatMap(saved -> events.record(saved, InstitutionDraft.diff(null, draft), true,
                            InstitutionChange.Source.API, who).replaceWith(saved));
        }).onFailure().transform(Failures::translate)
                .invoke(i -> Log.debugf("registered institution %s (%s) in %s", i.id, i.type, i.divisionCode));
    }

    /**
     * Applies {@code change} to the current state if the caller read revision {@code expectedRevision}.
     * A change that changes nothing writes nothing. Runs in the caller's transaction.
     */
    public Uni<Institution> update(UUID id, long expectedRevision, UnaryOperator<InstitutionDraft> change,
            Jurisdiction jurisdiction, String who) {
        return find(id, jurisdiction).flatMap(i -> {
            if (i.revision != expectedRevision) {
                throw ProblemException.stale("institution " + id
                        + " is at revision " + i.revision + ", not " + expectedRevision + "; GET it again");
            }
            InstitutionDraft before = InstitutionDraft.of(i);
            InstitutionDraft after = change.apply(before).normalized();
            validate(after);
            List<FieldChange> changes = InstitutionDraft.diff(before, after);
            if (changes.isEmpty()) {
                return Uni.createFrom().item(i);
            }
            return checkReferences(after, i, jurisdiction).flatMap(ignored -> {
                after.applyTo(i);
                i.updatedAt = OffsetDateTime.now();
                i.updatedBy = who;
                // The flush raises the @Version revision, which the history row and the event carry.
                return repository.flush().flatMap(flushed -> events.record(i, changes, false,
                        InstitutionChange.Source.API, who)).replaceWith(i);
            }).invoke(u -> Log.debugf("institution %s now at revision %d: %s", id, u.revision, changes));
        }).onFailure().transform(Failures::translate);
    }

    /** Answers 404 for an institution outside the caller's jurisdiction, so existence is not revealed. */
    @WithSession
    public Uni<Institution> get(UUID id, Jurisdiction jurisdiction) {
        return find(id, jurisdiction);
    }

    @WithSession
    public Uni<List<InstitutionChange>> history(UUID id, Jurisdiction jurisdiction) {
        return find(id, jurisdiction).flatMap(i -> history.history(i.id));
    }

    private Uni<Institution> find(UUID id, Jurisdiction jurisdiction) {
        return repository.findById(id).map(i -> {
            if (i == null || !jurisdiction.covers(i.divisionCode)) {
                throw ProblemException.notFound("institution " + id);
            }
            return i;
        });
    }

    private static void validate(InstitutionDraft draft) {
        var errors = InstitutionRules.check(draft);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    /** The division exists and is the caller's; the identifiers are nobody else's. */
    private Uni<Void> checkReferences(InstitutionDraft d, Institution current, Jurisdiction jurisdiction) {
        Uni<Void> division = current != null && d.divisionCode().equals(current.divisionCode) ? Uni.createFrom().voidItem()
                : divisions.exists(d.divisionCode()).invoke(exists -> {
                    if (!exists || !jurisdiction.covers(d.divisionCode())) {
                        throw unknownDivision(d.divisionCode());
                    }
                }).replaceWithVoid();
        return division
                .flatMap(ignored -> d.uscc() == null || current != null && d.uscc().equals(current.uscc)
                        ? Uni.createFrom().<Institution>nullItem() : repository.byUscc(d.uscc()))
                .invoke(other -> {
                    if (other != null) {
                        throw ProblemException.conflict(ProblemType.DUPLICATE_USCC, "an institution with uscc " + d.uscc()
                                + " is already registered");
                    }
                })
                .flatMap(ignored -> d.registrationNumber() == null
                        || current != null && d.registrationNumber().equals(current.registrationNumber)
                        ? Uni.createFrom().<Institution>nullItem() : repository.byRegistrationNumber(d.registrationNumber()))
                .invoke(other -> {
                    if (other != null) {
                        throw ProblemException.conflict(ProblemType.DUPLICATE_REGISTRATION_NUMBER, "an institution with "
                                + "registrationNumber " + d.registrationNumber() + " is already registered");
                    }
                }).replaceWithVoid();
    }

    static ProblemException unknownDivision(String code) {
        return ProblemException.unprocessable("divisionCode", "known-division", "division " + code
                + " does not exist or is outside your jurisdiction; register it under /api/v1/divisions first");
    }
}
