package org.tcmeval.evaluation.trend;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.tcmeval.evaluation.trend.LinearTrend.Fit;
import org.tcmeval.evaluation.trend.LinearTrend.Point;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.targets.Comparator;

/**
 * Whether a division is on course for its target (达标预测): the reported values projected linearly
 * to the target's deadline year and judged with the target's own comparator, or why no projection is
 * made. A projection is an estimate, never a result: it is labelled so in both languages. Plain Java.
 */
public final class Outlook {

    /** ON_TRACK / OFF_TRACK: the projected value meets / misses the target; NOT_PROJECTED: see {@link Why}. */
    @Schema(name = "ProjectionVerdict")
    public enum Verdict { ON_TRACK, OFF_TRACK, NOT_PROJECTED }

    /** Why no projection is made. */
    @Schema(name = "NotProjectedBecause")
    public enum Why {
        /** No target is in force for the division, so there is neither a deadline nor a bar. */
        NO_TARGET,
        /** The target belongs to the profile's own division as a whole (a count, a reported value). */
        TARGET_OF_ANOTHER_DIVISION,
        /** Fewer than two years have a usable value: one point fixes no line. */
        FEWER_THAN_TWO_VALUES,
        /** The deadline year is not after the last year with a value: the stored result is the answer. */
        DEADLINE_NOT_AFTER_DATA
    }

    /** The target as the outlook needs it; {@code judgedOnlyAt} is the one division it binds, if any. */
    public record Terms(Comparator comparator, BigDecimal threshold, BigDecimal upper, int deadlineYear,
            String judgedOnlyAt) {
    }

    /** The verdict, the reason when there is none, the fit when there is one, and the two sentences. */
    public record Result(Verdict verdict, Why why, Fit fit, String zh, String en) {
    }

    private Outlook() {
    }

    /**
     * @param values the years whose stored value may be projected from (the caller leaves out values
     *               that are not the division's, such as INCOMPLETE ones)
     * @param terms  the target in force, or null
     */
    public static Result of(String division, List<Point> values, Terms terms) {
        if (terms == null) {
            return none(Why.NO_TARGET, "无现行目标，不作预测", "no target in force, so there is nothing to project against");
        }
        if (terms.judgedOnlyAt() != null && !terms.judgedOnlyAt().equals(division)) {
            return none(Why.TARGET_OF_ANOTHER_DIVISION, "目标针对 " + terms.judgedOnlyAt() + " 整体，不对本区划单独预测",
                    "the target is set for " + terms.judgedOnlyAt() + " as a whole, so this division is not projected");
        }
        Optional<Fit> fit = LinearTrend.fit(values, terms.deadlineYear());
        if (fit.isEmpty()) {
            return none(Why.FEWER_THAN_TWO_VALUES, "可用数据仅 " + values.size() + " 年（至少需要 2 年），不作预测",
                    "only " + values.size() + " year(s) with a usable value (a line needs 2), so no projection");
        }
        Fit f = fit.get();
        if (terms.deadlineYear() <= f.lastYear()) {
            return none(Why.DEADLINE_NOT_AFTER_DATA, "目标年 " + terms.deadlineYear() + " 不晚于最后数据年 " + f.lastYear()
                    + "，以已存储的结果为准", "the deadline " + terms.deadlineYear() + " is not after the last reported year "
                    + f.lastYear() + ", so the stored results are the answer");
        }
        boolean meets = f.meets(terms.comparator(), terms.threshold(), terms.upper());
        String bar = bar(terms);
        String basisZh = "按 " + f.firstYear() + "–" + f.lastYear() + " 年 " + f.points() + " 个数据线性外推（预测值，非实际结果）："
                + f.year() + " 年约 " + f.value().toPlainString() + "，目标 " + bar;
        String basisEn = "linear projection over " + f.points() + " values (" + f.firstYear() + "–" + f.lastYear()
                + "; an estimate, not a result): about " + f.value().toPlainString() + " in " + f.year() + " against "
                + bar.replace("≥", ">=").replace("≤", "<=");
        return meets ? new Result(Verdict.ON_TRACK, null, f, basisZh + "，有望达标", basisEn + ", on track")
                : new Result(Verdict.OFF_TRACK, null, f, basisZh + "，按此趋势难以达标", basisEn + ", off track");
    }

    /** The target written out: ≥ 75, ≤ 10, 0.4–0.7. */
    static String bar(Terms t) {
        return switch (t.comparator()) {
            case AT_LEAST -> "≥ " + t.threshold().stripTrailingZeros().toPlainString();
            case AT_MOST -> "≤ " + t.threshold().stripTrailingZeros().toPlainString();
            case BETWEEN -> t.threshold().stripTrailingZeros().toPlainString() + "–"
                    + t.upper().stripTrailingZeros().toPlainString();
        };
    }

    private static Result none(Why why, String zh, String en) {
        return new Result(Verdict.NOT_PROJECTED, why, null, zh, en);
    }
}
