package org.tcmeval.catalog.mapping;

import java.util.Comparator;
import java.util.List;
import org.tcmeval.catalog.TechniqueClass;
import org.tcmeval.catalog.TechniqueItem;
import org.tcmeval.catalog.rest.TechniqueClassView;
import org.tcmeval.catalog.rest.TechniqueItemView;
import org.tcmeval.events.TechniqueClassChanged;

public final class TechniqueMapper {

    /** Current items first in the admins' order, retired ones after them. */
    private static final Comparator<TechniqueItem> ORDER = Comparator.comparing((TechniqueItem i) -> i.retired)
            .thenComparingInt(i -> i.sortOrder).thenComparing(i -> i.code);

    private TechniqueMapper() {
    }

    /** The class as published and kept in its revision history. */
    public static TechniqueClassChanged snapshot(TechniqueClass c, List<TechniqueItem> items) {
        return new TechniqueClassChanged(c.code, c.revision, c.nameZh, c.nameEn, c.sortOrder,
                items.stream().sorted(ORDER).map(i -> new TechniqueClassChanged.Item(i.code, i.nameZh, i.nameEn,
                        i.retired, i.provisional, i.source)).toList(),
                c.changedBy, c.changedAt, c.scope);
    }

    public static TechniqueClassView toView(TechniqueClassChanged c) {
        List<TechniqueItemView> items = c.items().stream()
                .map(i -> new TechniqueItemView(i.code(), c.classCode(), c.scope(), i.nameZh(), i.nameEn(), i.retired(),
                        i.provisional(), i.source()))
                .toList();
        long active = items.stream().filter(i -> !i.retired()).count();
        return new TechniqueClassView(c.classCode(), c.scope(), c.nameZh(), c.nameEn(), c.sortOrder(), c.revision(),
                (int) active, items, c.changedBy(), c.changedAt());
    }

    public static TechniqueItemView toView(TechniqueItem i) {
        return new TechniqueItemView(i.code, i.classCode, i.scope, i.nameZh, i.nameEn, i.retired, i.provisional,
                i.source);
    }
}
