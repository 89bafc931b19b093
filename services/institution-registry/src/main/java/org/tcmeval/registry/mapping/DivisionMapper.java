package org.tcmeval.registry.mapping;

import java.util.TreeMap;
import org.tcmeval.events.DivisionChanged;
import org.tcmeval.registry.Division;
import org.tcmeval.registry.rest.DivisionView;

/** Maps a division to its API view, its CSV line and its {@code division-changed} event. */
public final class DivisionMapper {

    private DivisionMapper() {
    }

    public static DivisionView toView(Division d) {
        return new DivisionView(d.code, d.parentCode, d.level, d.name, d.levelLabel, new TreeMap<>(d.population),
                d.revision, d.updatedAt);
    }

    public static DivisionChanged toEvent(Division d) {
        return new DivisionChanged(d.code, d.revision, d.name, d.level.name(), d.parentCode, d.levelLabel,
                new TreeMap<>(d.population));
    }

    public static DivisionCsv.Line toLine(Division d) {
        return new DivisionCsv.Line(d.code, d.name, d.levelLabel, new TreeMap<>(d.population));
    }
}
