package org.tcmeval.evaluation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.tcmeval.events.FiguresJson;
import org.tcmeval.events.ReportSubmitted;

/**
 * Which version of a report counts (计入版本), plain Java. A report stops counting when it is
 * returned; otherwise, under {@link Rule#APPROVED}, the figures of its last approved version count,
 * so a submitted correction of an approved report changes nothing until it is approved itself.
 */
public final class Counting {

    private Counting() {
    }

    public enum Rule {
        /** Only approved figures count (default): what the county bureau has reviewed. */
        APPROVED,
        /** Every submitted version counts as soon as it is submitted; a return still withdraws it. */
        LATEST_SUBMITTED
    }

    /** Folds one report event into the stored state; the caller has checked that its revision is newer. */
    public static void apply(ReportRef ref, ReportSubmitted e) {
        ref.revision = e.revision();
        ref.version = e.version();
        ref.status = e.status();
        ref.figures = FiguresJson.write(e.figures());
        // The event's figures are already read: counted() uses them instead of reading the text back.
        ref.read = java.util.Map.entry(ref.figures, java.util.Collections.unmodifiableMap(
                new java.util.TreeMap<>(e.figures())));
        switch (e.status()) {
            case "APPROVED" -> {
                ref.approvedVersion = e.version();
                ref.approvedFigures = ref.figures;
            }
            case "RETURNED" -> {
                ref.approvedVersion = null;
                ref.approvedFigures = null;
            }
            default -> { }
        }
    }

    /** The figures that count under {@code rule}, or empty when the report counts for nothing. */
    public static Optional<Map<String, BigDecimal>> counted(Rule rule, ReportRef ref) {
        if (ref == null || "RETURNED".equals(ref.status)) {
            return Optional.empty();
        }
        String json = rule == Rule.APPROVED ? ref.approvedFigures : ref.figures;
        if (json == null) {
            return Optional.empty();
        }
        var read = ref.read;
        return Optional.of(read != null && read.getKey() == json ? read.getValue() : FiguresJson.read(json));
    }
}
