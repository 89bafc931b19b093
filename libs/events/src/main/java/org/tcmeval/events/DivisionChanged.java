package org.tcmeval.events;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Full state of an administrative division after a change, resident population included. Densities
 * need the population of the year they judge, and a correction of an old year must reach them, so
 * every record carries all years rather than the one that changed (compaction keeps only the newest
 * record per division).
 *
 * @param code GB/T 2260 code: province 2, city 4, county 6 digits, township the 9-digit statistical code
 * @param revision increases with every change of this division; consumers ignore older ones
 * @param level PROVINCE, CITY, COUNTY or TOWNSHIP
 * @param parentCode the code without its last level; {@code null} for a province
 * @param levelLabel the local name of the level (旗县, 苏木乡镇, 街道 ...), else {@code null}
 * @param population resident population (常住人口) by year; empty when none is registered
 */
public record DivisionChanged(
        String code,
        long revision,
        String name,
        String level,
        String parentCode,
        String levelLabel,
        SortedMap<Integer, Long> population) {

    /** Added fields are optional within version 1: consumers of older events see them as null. */
    public static final int VERSION = 1;

    public DivisionChanged {
        // A sorted copy: the year order is part of what a reader of the topic sees, and a missing
        // map (an older producer) means "no population registered", not "unknown".
        population = population == null ? new TreeMap<>() : new TreeMap<>(population);
    }

    /** The residents registered for {@code year}, or {@code null}. */
    public Long residents(int year) {
        return population.get(year);
    }
}
