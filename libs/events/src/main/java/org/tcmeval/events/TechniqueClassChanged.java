package org.tcmeval.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A class of TCM appropriate techniques (中医药适宜技术 类) after a change, with all its items (项),
 * in one technique list: the national list (scope {@code 00}) or a province's official list
 * (scope = its 2-digit GB/T 2260 code). Reports cite item codes; consumers count distinct classes
 * and items through this mapping, against the list in force for the report's division: its
 * province's list when that province has one, else the national list. Items are never removed,
 * only retired, so a code cited in an old report always resolves.
 *
 * <p>Fields added within dataversion 1 (consumers of older events read them as documented):
 * {@code scope} (absent = {@code 00}, the only list there was) and each item's {@code provisional}
 * and {@code source} (absent = not stated).
 *
 * @param revision increases with every change of this class in this scope; consumers keep the highest
 * @param scope {@code 00} for the national list, else the province whose official list this is
 */
public record TechniqueClassChanged(
        String classCode,
        int revision,
        String nameZh,
        String nameEn,
        int sortOrder,
        List<Item> items,
        String changedBy,
        OffsetDateTime changedAt,
        String scope) {

    public static final int VERSION = 1;
    /** Scope of the national list. */
    public static final String NATIONAL = "00";

    public TechniqueClassChanged {
        items = List.copyOf(items);
        scope = scope == null || scope.isBlank() ? NATIONAL : scope;
    }

    /** A class of the national list, as events before scopes existed described it. */
    public TechniqueClassChanged(String classCode, int revision, String nameZh, String nameEn, int sortOrder,
            List<Item> items, String changedBy, OffsetDateTime changedAt) {
        this(classCode, revision, nameZh, nameEn, sortOrder, items, changedBy, changedAt, NATIONAL);
    }

    /**
     * The record key on {@code technique-changed}: the class code for the national list (as before
     * scopes existed), {@code <scope>:<class code>} for a province's list, so compaction keeps the
     * newest state of every class of every list.
     */
    public static String key(String scope, String classCode) {
        return scope == null || NATIONAL.equals(scope) ? classCode : scope + ":" + classCode;
    }

    /**
     * @param retired no longer listed; still resolves for reports that cite it
     * @param provisional {@code true} when no source document gives the item (a placeholder until an
     *        official list replaces it); {@code null} in events written before the field existed
     * @param source where the item comes from, e.g. the document; or why it is provisional
     */
    public record Item(String code, String nameZh, String nameEn, boolean retired, Boolean provisional, String source) {

        /** An item as events before provenance existed described it. */
        public Item(String code, String nameZh, String nameEn, boolean retired) {
            this(code, nameZh, nameEn, retired, null, null);
        }
    }
}
