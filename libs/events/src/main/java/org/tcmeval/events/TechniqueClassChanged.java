package org.tcmeval.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A class of TCM appropriate techniques (中医药适宜技术 类) after a change, with all its items (项).
 * Reports cite item codes; consumers count distinct classes and items through this mapping. Items
 * are never removed, only retired, so a code cited in an old report always resolves.
 *
 * @param revision increases with every change of this class; consumers keep the highest
 */
public record TechniqueClassChanged(
        String classCode,
        int revision,
        String nameZh,
        String nameEn,
        int sortOrder,
        List<Item> items,
        String changedBy,
        OffsetDateTime changedAt) {

    public static final int VERSION = 1;

    public TechniqueClassChanged {
        items = List.copyOf(items);
    }

    /** @param retired no longer promoted; still valid in reports that cite it */
    public record Item(String code, String nameZh, String nameEn, boolean retired) {
    }
}
