package org.tcmeval.evaluation.supervision;

import org.tcmeval.evaluation.supervision.SupervisionDraw.Pick;

/**
 * Why a unit is in a supervision plan, as one Chinese and one English sentence rendered only from
 * the pick's data, so the two languages and the figures cannot disagree. A division's gaps are its
 * stored results judged NOT_MET; an institution's are the per-unit rules its stored contributions fail.
 */
public final class PickReasons {

    private PickReasons() {
    }

    public static String zh(Pick p, UnitKind kind, long seed) {
        int g = p.candidate().gaps();
        String gaps = kind == UnitKind.INSTITUTION ? g + " 项单位达标规则未满足" : g + " 项指标未达标（已存储结果）";
        return switch (p.reason()) {
            case ALL_REQUIRED -> "全覆盖：每个" + kind.nameZh() + "均须督导" + (g > 0 ? "；" + gaps : "");
            case WORST_GAP -> "差距优先：" + gaps + (p.tieBrokenByDraw() ? "；同等差距者按抽签取舍（种子 " + seed + "）" : "");
            case DRAWN -> "随机抽取：种子 " + seed + "，抽签号 " + p.drawHex();
        };
    }

    public static String en(Pick p, UnitKind kind, long seed) {
        int g = p.candidate().gaps();
        String gaps = kind == UnitKind.INSTITUTION ? "fails " + g + " per-unit rule" + (g == 1 ? "" : "s")
                : g + " indicator" + (g == 1 ? "" : "s") + " NOT_MET in the stored results";
        String every = switch (kind) {
            case CITY -> "every city";
            case COUNTY -> "every county";
            case INSTITUTION -> "every institution";
        };
        return switch (p.reason()) {
            case ALL_REQUIRED -> every + " is supervised" + (g > 0 ? "; " + gaps : "");
            case WORST_GAP -> "worst gaps first: " + gaps + (p.tieBrokenByDraw() ? "; ties broken by the draw (seed "
                    + seed + ")" : "");
            case DRAWN -> "drawn at random: seed " + seed + ", draw number " + p.drawHex();
        };
    }
}
