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
import org.tcmeval.catalog.TechniqueListCsv;
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

    /** A change's result: whether the class is new, whether anything changed, and the class as it now stands. */
    public record Outcome(boolean created, boolean changed, TechniqueClassChanged technique) {
    }

    /** The classes of one list ({@code 00} national, else a province's) with their items, in order. */
    public Uni<List<TechniqueClassChanged>> list(String scope) {
        return techniques.classes(scope).flatMap(classes -> techniques.items(scope).map(items -> {
            Map<String, List<TechniqueItem>> byClass = items.stream()
                    .collect(Collectors.groupingBy(i -> i.classCode, LinkedHashMap::new, Collectors.toList()));
            return classes.stream().map(c -> TechniqueMapper.snapshot(c, byClass.getOrDefault(c.code, List.of())))
                    .toList();
        }));
    }

    /** The scopes that have a list: {@code 00} and every province that uploaded one. */
    public Uni<List<String>> scopes() {
        return techniques.scopes();
    }

    public Uni<TechniqueClassChanged> get(String scope, String code) {
        return techniques.find(scope, code).flatMap(c -> {
            if (c == null) {
                throw ProblemException.notFound("technique class " + code + " of list " + scope);
            }
            return techniques.items(scope, code).map(items -> TechniqueMapper.snapshot(c, items));
        });
    }

    public Uni<TechniqueClassChanged> revision(String scope, String code, int revision) {
        return techniques.revision(scope, code, revision).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("revision " + revision + " of technique class " + code + " of list "
                        + scope);
            }
            return TargetJson.technique(r.body);
        });
    }

    public Uni<TechniqueItem> item(String scope, String code) {
        return techniques.item(scope, code).map(i -> {
            if (i == null) {
                throw ProblemException.notFound("technique item " + code + " of list " + scope);
            }
            return i;
        });
    }

    /**
     * Creates or replaces a class of the national list. Runs in the caller's transaction; {@code expected}
     * is the If-Match revision.
     */
    public Uni<Outcome> put(String code, ClassDraft draft, Integer expected, String who) {
        String scope = TechniqueClassChanged.NATIONAL;
        List<String> codes = draft.items().stream().map(ItemDraft::code).filter(Objects::nonNull).toList();
        return techniques.itemsByCode(scope, codes).flatMap(known -> {
            var errors = TechniqueRules.check(code, draft.items(),
                    known.stream().collect(Collectors.toMap(i -> i.code, i -> i.classCode)));
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            return techniques.lock(scope, code);
        }).flatMap(existing -> {
            if (existing == null && expected != null) {
                throw ProblemException.stale("technique class " + code
                        + " does not exist yet; create it without If-Match");
            }
            if (existing != null) {
                requireRevision(existing, expected);
            }
            TechniqueClass c = existing != null ? existing : newClass(scope, code, draft, who);
            Uni<List<TechniqueItem>> current = existing != null ? techniques.items(scope, code)
                    : techniques.persist(c).replaceWith(List.of());
            return current.flatMap(items -> apply(c, existing == null, draft, items, who));
        });
    }

    /**
     * Replaces a province's official list with an uploaded CSV, in the caller's transaction: all or
     * nothing. Classes and items of the file are created or updated; items of the list the file leaves
     * out are retired, never deleted (classes the file leaves out keep their rows, all items retired).
     * Every class that changed gets a new revision, published to {@code technique-changed}; the same
     * file again changes nothing.
     *
     * @param province 2-digit province code, already checked against the caller's jurisdiction
     * @param source the official document the list comes from
     */
    public Uni<ImportOutcome> importList(String province, byte[] csv, String source, String who) {
        TechniqueListCsv.Parsed parsed = TechniqueListCsv.parse(csv, source);
        return techniques.lockList(province).chain(() -> techniques.items(province)).flatMap(held -> {
            List<TechniqueListCsv.RowError> errors = new ArrayList<>(parsed.errors());
            // Rows already at fault are not checked against the list again: one fault per cause.
            java.util.Set<Integer> faulty = parsed.errors().stream().map(TechniqueListCsv.RowError::row)
                    .collect(Collectors.toSet());
            errors.addAll(TechniqueListCsv.moved(parsed.rows().stream().filter(r -> !faulty.contains(r.row())).toList(),
                    held.stream().collect(Collectors.toMap(i -> i.code, i -> i.classCode))));
            if (!errors.isEmpty()) {
                throw TechniqueListCsv.rejected(errors, parsed.rowCount());
            }
            // Codes active before, taken now: the merge below changes the held entities in place.
            java.util.Set<String> activeBefore = held.stream().filter(i -> !i.retired).map(i -> i.code)
                    .collect(Collectors.toSet());
            Map<String, List<TechniqueItem>> heldByClass = held.stream()
                    .collect(Collectors.groupingBy(i -> i.classCode, LinkedHashMap::new, Collectors.toList()));
            return techniques.classes(province).flatMap(classes -> {
                Map<String, TechniqueClass> existing = classes.stream()
                        .collect(Collectors.toMap(c -> c.code, c -> c, (a, b) -> a, LinkedHashMap::new));
                Uni<List<Outcome>> chain = Uni.createFrom().item(new ArrayList<>());
                for (var e : parsed.classes().entrySet()) {
                    TechniqueClass c = existing.remove(e.getKey());
                    List<TechniqueItem> current = heldByClass.getOrDefault(e.getKey(), List.of());
                    chain = chain.flatMap(done -> change(province, e.getKey(), c, e.getValue(), current, who)
                            .map(o -> add(done, o)));
                }
                // Classes the file leaves out: every item retired, names and place kept.
                for (TechniqueClass c : existing.values()) {
                    ClassDraft none = new ClassDraft(c.nameZh, c.nameEn, c.sortOrder, List.of());
                    List<TechniqueItem> current = heldByClass.getOrDefault(c.code, List.of());
                    chain = chain.flatMap(done -> apply(c, false, none, current, who).map(o -> add(done, o)));
                }
                int items = parsed.items();
                return chain.map(outcomes -> {
                    List<String> changed = outcomes.stream().filter(Outcome::changed)
                            .map(o -> o.technique().classCode()).toList();
                    java.util.Set<String> retiredAfter = outcomes.stream().flatMap(o -> o.technique().items().stream())
                            .filter(TechniqueClassChanged.Item::retired).map(TechniqueClassChanged.Item::code)
                            .collect(Collectors.toSet());
                    long retired = activeBefore.stream().filter(retiredAfter::contains).count();
                    return new ImportOutcome(province, parsed.rowCount(), parsed.classes().size(), items, changed,
                            outcomes.size() - changed.size(), (int) retired);
                });
            });
        });
    }

    /** What an upload did; {@code retiredItems} counts items active before it and retired by it. */
    public record ImportOutcome(String scope, int rows, int classes, int items, List<String> changedClasses,
            int unchangedClasses, int retiredItems) {
    }

    private static List<Outcome> add(List<Outcome> done, Outcome o) {
        done.add(o);
        return done;
    }

    private Uni<Outcome> change(String scope, String code, TechniqueClass existing, ClassDraft draft,
            List<TechniqueItem> current, String who) {
        if (existing != null) {
            return apply(existing, false, draft, current, who);
        }
        TechniqueClass c = newClass(scope, code, draft, who);
        return techniques.persist(c).flatMap(x -> apply(c, true, draft, List.of(), who));
    }

    private Uni<Outcome> apply(TechniqueClass c, boolean created, ClassDraft draft, List<TechniqueItem> current,
            String who) {
        TechniqueRules.Merge merge = TechniqueRules.merge(c, draft, current);
        List<TechniqueItem> added = merge.added();
        if (!created && !merge.changed()) {
            return Uni.createFrom().item(new Outcome(false, false, TechniqueMapper.snapshot(c, current)));
        }
        c.revision++;
        c.changedBy = who;
        c.changedAt = OffsetDateTime.now();
        List<TechniqueItem> all = new ArrayList<>(current);
        all.addAll(added);
        TechniqueClassChanged snapshot = TechniqueMapper.snapshot(c, all);
        TechniqueClassRevision revision = new TechniqueClassRevision();
        revision.key = new TechniqueClassRevision.Key(c.scope, c.code, c.revision);
        revision.body = TargetJson.writeTechnique(snapshot);
        revision.changedBy = who;
        revision.changedAt = c.changedAt;
        Log.debugf("technique class %s of list %s: revision %d, %d items", c.code, c.scope, c.revision,
                snapshot.items().size());
        return techniques.persistAll(added.toArray()).chain(() -> techniques.persistAll(revision))
                .chain(() -> outbox.enqueue(Topics.TECHNIQUE_CHANGED, TechniqueClassChanged.key(c.scope, c.code),
                        EventEnvelope.of(SOURCE, EventTypes.TECHNIQUE_CLASS_CHANGED, c.code,
                                TechniqueClassChanged.VERSION, snapshot)))
                .replaceWith(new Outcome(created, true, snapshot));
    }

    private static TechniqueClass newClass(String scope, String code, ClassDraft draft, String who) {
        TechniqueClass c = new TechniqueClass();
        c.scope = scope;
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
