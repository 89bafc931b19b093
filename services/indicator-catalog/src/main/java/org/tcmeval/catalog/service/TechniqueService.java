package org.tcmeval.catalog.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.tcmeval.catalog.TechniqueClass;
import org.tcmeval.catalog.TechniqueClassRevision;
import org.tcmeval.catalog.TechniqueItem;
import org.tcmeval.catalog.TechniqueRules;
import org.tcmeval.catalog.TechniqueRules.ClassDraft;
import org.tcmeval.catalog.TechniqueRules.ItemDraft;
import org.tcmeval.catalog.mapping.TargetJson;
import org.tcmeval.catalog.mapping.TechniqueMapper;
import org.tcmeval.catalog.repository.TechniqueRepository;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.TechniqueClassChanged;
import org.tcmeval.events.Topics;
import org.tcmeval.support.outbox.Outbox;
import org.tcmeval.support.problem.ProblemException;

/**
 * The technique catalogue (中医药适宜技术目录): reads, and changes by catalog admins. Every change is
 * a new revision of its class, kept as published and sent to {@code technique-changed} through the
 * outbox in the same transaction.
 */
@ApplicationScoped
public class TechniqueService {

    static final String SOURCE = "/indicator-catalog";

    @Inject
    TechniqueRepository techniques;

    @Inject
    Outbox outbox;

    /** A change's result: whether the class is new, and the class as it now stands. */
    public record Outcome(boolean created, TechniqueClassChanged technique) {
    }

    public Uni<List<TechniqueClassChanged>> list() {
        return techniques.classes().flatMap(classes -> techniques.items().map(items -> {
            Map<String, List<TechniqueItem>> byClass = items.stream()
                    .collect(Collectors.groupingBy(i -> i.classCode, LinkedHashMap::new, Collectors.toList()));
            return classes.stream().map(c -> TechniqueMapper.snapshot(c, byClass.getOrDefault(c.code, List.of())))
                    .toList();
        }));
    }

    public Uni<TechniqueClassChanged> get(String code) {
        return techniques.findById(code).flatMap(c -> {
            if (c == null) {
                throw ProblemException.notFound("technique class " + code);
            }
            return techniques.items(code).map(items -> TechniqueMapper.snapshot(c, items));
        });
    }

    public Uni<TechniqueClassChanged> revision(String code, int revision) {
        return techniques.revision(code, revision).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("revision " + revision + " of technique class " + code);
            }
            return TargetJson.technique(r.body);
        });
    }

    public Uni<TechniqueItem> item(String code) {
        return techniques.item(code).map(i -> {
            if (i == null) {
                throw ProblemException.notFound("technique item " + code);
            }
            return i;
        });
    }

    /** Creates or replaces a class. Runs in the caller's transaction; {@code expected} is the If-Match revision. */
    public Uni<Outcome> put(String code, ClassDraft draft, Integer expected, String who) {
        List<String> codes = draft.items().stream().map(ItemDraft::code).filter(Objects::nonNull).toList();
        return techniques.itemsByCode(codes).flatMap(known -> {
            var errors = TechniqueRules.check(code, draft.items(),
                    known.stream().collect(Collectors.toMap(i -> i.code, i -> i.classCode)));
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            return techniques.lock(code);
        }).flatMap(existing -> {
            if (existing == null && expected != null) {
                throw ProblemException.stale("technique class " + code
                        + " does not exist yet; create it without If-Match");
            }
            if (existing != null) {
                requireRevision(existing, expected);
            }
            TechniqueClass c = existing != null ? existing : newClass(code, draft, who);
            Uni<List<TechniqueItem>> current = existing != null ? techniques.items(code)
                    : techniques.persist(c).replaceWith(List.of());
            return current.flatMap(items -> apply(c, existing == null, draft, items, who));
        });
    }

    private Uni<Outcome> apply(TechniqueClass c, boolean created, ClassDraft draft, List<TechniqueItem> current,
            String who) {
        TechniqueRules.Merge merge = TechniqueRules.merge(c, draft, current);
        List<TechniqueItem> added = merge.added();
        if (!created && !merge.changed()) {
            return Uni.createFrom().item(new Outcome(false, TechniqueMapper.snapshot(c, current)));
        }
        c.revision++;
        c.changedBy = who;
        c.changedAt = OffsetDateTime.now();
        List<TechniqueItem> all = new ArrayList<>(current);
        all.addAll(added);
        TechniqueClassChanged snapshot = TechniqueMapper.snapshot(c, all);
        TechniqueClassRevision revision = new TechniqueClassRevision();
        revision.key = new TechniqueClassRevision.Key(c.code, c.revision);
        revision.body = TargetJson.writeTechnique(snapshot);
        revision.changedBy = who;
        revision.changedAt = c.changedAt;
        Log.debugf("technique class %s: revision %d, %d items", c.code, c.revision, snapshot.items().size());
        return techniques.persistAll(added.toArray()).chain(() -> techniques.persistAll(revision))
                .chain(() -> outbox.enqueue(Topics.TECHNIQUE_CHANGED, c.code, EventEnvelope.of(SOURCE,
                        EventTypes.TECHNIQUE_CLASS_CHANGED, c.code, TechniqueClassChanged.VERSION, snapshot)))
                .replaceWith(new Outcome(created, snapshot));
    }

    private static TechniqueClass newClass(String code, ClassDraft draft, String who) {
        TechniqueClass c = new TechniqueClass();
        c.code = code;
        c.nameZh = draft.nameZh();
        c.nameEn = draft.nameEn();
        c.sortOrder = draft.sortOrder();
        c.revision = 0;
        c.changedBy = who;
        c.changedAt = OffsetDateTime.now();
        return c;
    }

    private static void requireRevision(TechniqueClass c, Integer expected) {
        if (expected == null) {
            throw ProblemException.preconditionRequired("send If-Match with "
                    + "the ETag of technique class " + c.code + " (revision " + c.revision + ") to change it");
        }
        if (expected != c.revision) {
            throw ProblemException.stale("technique class " + c.code
                    + " is at revision " + c.revision + ", not " + expected + "; read it again");
        }
    }
}
