package org.tcmeval.targets;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A figure an institution reports (填报指标项). Indicators name these fields as numerators and
 * denominators, so the list lives beside the indicators: one source for what may be reported and
 * what is computed from it.
 *
 * @param name JSON field name inside a report's {@code figures}
 * @param nameZh the term the reporting forms use
 * @param kind how the value is validated
 * @param atMost name of a field this one may not exceed (a part of a whole), or {@code null}
 */
public record ReportField(String name, String nameZh, String nameEn, Kind kind, String atMost) {

    /** COUNT: whole number &gt;= 0; FLAG: 0 or 1. */
    public enum Kind { COUNT, FLAG }

    public static final ReportField PHYSICIANS = new ReportField("physicians", "医师总数",
            "Physicians (all categories)", Kind.COUNT, null);
    public static final ReportField TCM_PHYSICIANS = new ReportField("tcmPhysicians", "中医类别医师数",
            "TCM-category physicians", Kind.COUNT, "physicians");

    public static final List<ReportField> ALL = List.of(PHYSICIANS, TCM_PHYSICIANS);

    private static final Map<String, ReportField> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(ReportField::name, Function.identity()));

    public static Optional<ReportField> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
