package org.tcmeval.reporting;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** The field-level difference (变更明细) between two versions of a report's figures. */
public final class ReportDiff {

    private ReportDiff() {
    }

    /** A changed field: {@code from} is {@code null} when it was added, {@code to} when it was removed. */
    public record Change(BigDecimal from, BigDecimal to) {
    }

    /** Every field whose value differs numerically (8 and 8.0 are the same figure), in name order. */
    public static Map<String, Change> between(Map<String, BigDecimal> before, Map<String, BigDecimal> after) {
        Map<String, Change> changes = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String n : names) {
            BigDecimal a = before.get(n);
            BigDecimal b = after.get(n);
            boolean same = Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
            if (!same) {
                changes.put(n, new Change(a, b));
            }
        }
        return changes;
    }
}
