package org.tcmeval.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tcmeval.support.problem.Problem.FieldError;

/**
 * Rules for the technique catalogue (中医药适宜技术目录): codes are stable UPPER_SNAKE_CASE names that
 * reports cite, an item appears once in its class, and an item code never moves to another class
 * (a report citing it would change meaning).
 */
public final class TechniqueRules {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    /** Source of an item a catalog admin adds without naming one. */
    public static final String NO_SOURCE = "provisional: entered by a catalog admin without a source document";

    /**
     * An item as a catalog admin lists it.
     *
     * @param provisional {@code null}: unchanged for a known item, {@code true} for a new one
     * @param source {@code null}: unchanged for a known item, {@link #NO_SOURCE} for a new one
     */
    public record ItemDraft(String code, String nameZh, String nameEn, Boolean provisional, String source) {

        public ItemDraft(String code, String nameZh, String nameEn) {
            this(code, nameZh, nameEn, null, null);
        }
    }

    /** A class as a catalog admin sends it: names, position and the full list of current items. */
    public record ClassDraft(String nameZh, String nameEn, int sortOrder, List<ItemDraft> items) {
    }

    /** What a change does to a class's items: the new ones to store, and whether anything changed at all. */
    public record Merge(List<TechniqueItem> added, boolean changed) {
    }

    private TechniqueRules() {
    }

    /**
     * Applies a draft to a class and its current items, in place: names and order follow the draft,
     * listed items are (re)activated, and items left out are retired — never deleted, because
     * reports cite their codes.
     */
    public static Merge merge(TechniqueClass c, ClassDraft draft, List<TechniqueItem> current) {
        boolean changed = !draft.nameZh().equals(c.nameZh) || !Objects.equals(draft.nameEn(), c.nameEn)
                || draft.sortOrder() != c.sortOrder;
        c.nameZh = draft.nameZh();
        c.nameEn = draft.nameEn();
        c.sortOrder = draft.sortOrder();
        Map<String, TechniqueItem> left = current.stream()
                .collect(Collectors.toMap(i -> i.code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<TechniqueItem> added = new ArrayList<>();
        for (int n = 0; n < draft.items().size(); n++) {
            ItemDraft d = draft.items().get(n);
            TechniqueItem item = left.remove(d.code());
            boolean provisional;
            String source;
            if (item == null) {
                item = new TechniqueItem();
                item.scope = c.scope;
                item.code = d.code();
                item.classCode = c.code;
                added.add(item);
                provisional = d.provisional() == null || d.provisional();
                source = d.source() == null ? NO_SOURCE : d.source();
            } else {
                provisional = d.provisional() == null ? item.provisional : d.provisional();
                source = d.source() == null ? item.source : d.source();
                if (item.retired || item.sortOrder != n + 1 || !item.nameZh.equals(d.nameZh())
                        || !Objects.equals(item.nameEn, d.nameEn()) || item.provisional != provisional
                        || !Objects.equals(item.source, source)) {
                    changed = true;
                }
            }
            item.nameZh = d.nameZh();
            item.nameEn = d.nameEn();
            item.sortOrder = n + 1;
            item.retired = false;
            item.provisional = provisional;
            item.source = source;
        }
        for (TechniqueItem gone : left.values()) {
            changed |= !gone.retired;
            gone.retired = true;
        }
        return new Merge(List.copyOf(added), changed || !added.isEmpty());
    }

    /**
     * @param classOfItem class that each already known item code belongs to
     */
    public static List<FieldError> check(String classCode, List<ItemDraft> items, Map<String, String> classOfItem) {
        List<FieldError> errors = new ArrayList<>();
        if (!isCode(classCode)) {
            errors.add(new FieldError("classCode", "code-format",
                    "class code '" + classCode + "' must be UPPER_SNAKE_CASE, e.g. ACUPUNCTURE"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String code = items.get(i).code();
            String field = "items[" + i + "].code";
            if (!isCode(code)) {
                errors.add(new FieldError(field, "code-format",
                        "item code '" + code + "' must be UPPER_SNAKE_CASE, e.g. ACUPUNCTURE_FILIFORM"));
            } else if (!seen.add(code)) {
                errors.add(new FieldError(field, "unique-in-class", "item " + code + " is listed twice"));
            } else if (classOfItem.containsKey(code) && !classOfItem.get(code).equals(classCode)) {
                errors.add(new FieldError(field, "item-of-another-class", "item " + code + " belongs to class "
                        + classOfItem.get(code) + "; item codes never move, since reports cite them"));
            }
            ItemDraft d = items.get(i);
            if (Boolean.FALSE.equals(d.provisional()) && (d.source() == null || d.source().isBlank())) {
                errors.add(new FieldError("items[" + i + "].source", "source-required", "item " + code
                        + " is not provisional, so name the document it comes from"));
            }
        }
        return errors;
    }

    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
