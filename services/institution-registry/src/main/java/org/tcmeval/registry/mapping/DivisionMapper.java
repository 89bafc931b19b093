package org.tcmeval.registry.mapping;

import java.util.TreeMap;
import org.tcmeval.registry.Division;
import org.tcmeval.registry.rest.DivisionView;

/** Maps a division to its API view and its CSV line. */
public final class DivisionMapper {

    private DivisionMapper() {
    }

    public static DivisionView toView(Division d) {
        return new DivisionView(d.code, d.parentCode, d.level, d.name, d.levelLabel, new TreeMap<>(d.population),
                d.revision, d.updatedAt);
    }

    public static DivisionCsv.Line toLine(Division d) {
        return new DivisionCsv.Line(d.code, d.name, d.levelLabel, new TreeMap<>(d.population));
    }
}
