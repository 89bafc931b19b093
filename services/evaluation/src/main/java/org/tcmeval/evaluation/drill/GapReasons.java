package org.tcmeval.evaluation.drill;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.tcmeval.targets.Condition;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.ReportField;
import org.tcmeval.targets.Reporter;

/**
 * Why a unit falls short of a rule, as data ({@link Shortfall}) and as one Chinese and one English
 * sentence rendered from that data only, so the two languages and the figures can never disagree.
 * Plain Java: the gap list reads the figures, this class does all the arithmetic and wording.
 */
public final class GapReasons {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private GapReasons() {
    }

    /** One part of a rule missed: the field, the rule written out, what it requires, what the unit has. */
    public record Shortfall(String field, String rule, BigDecimal required, BigDecimal actual, BigDecimal shortfall) {
    }

    /** Every part a unit misses, how far it is in total (the sort key) and the two sentences. */
    public record Reason(List<Shortfall> shortfalls, BigDecimal distance, String zh, String en) {
    }

    /** The parts of a per-unit rule the facts miss; empty when the rule holds. */
    public static Optional<Reason> ofRule(Condition rule, Map<String, BigDecimal> facts) {
        if (rule.test(facts)) {
            return Optional.empty();
        }
        List<Shortfall> parts = new ArrayList<>();
        collect(rule, facts, parts);
        BigDecimal distance = parts.stream().map(Shortfall::shortfall).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new Reason(parts, distance, zh(parts, rule, facts), en(parts, rule, facts)));
    }

    /**
     * One unit's own ratio against an AT_LEAST target in percent ({@code 1/6 = 16.7% < 25%}); empty
     * when it reaches the target or has no denominator (nothing to judge on its own).
     */
    public static Optional<Reason> ofRatio(String numeratorField, String denominatorField, BigDecimal numerator,
            BigDecimal denominator, BigDecimal thresholdPercent) {
        if (numerator == null || denominator == null || denominator.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal share = numerator.multiply(HUNDRED).divide(denominator, 4, RoundingMode.HALF_UP);
        // Cross-multiplied like Condition.ShareAtLeast, so 1/4 against 25% is exact.
        if (numerator.multiply(HUNDRED).compareTo(thresholdPercent.multiply(denominator)) >= 0) {
            return Optional.empty();
        }
        String rule = numeratorField + " / " + denominatorField + " >= " + plain(thresholdPercent) + "%";
        Shortfall s = new Shortfall(numeratorField, rule, thresholdPercent, share, thresholdPercent.subtract(share));
        String ratio = " " + plain(numerator) + "/" + plain(denominator) + " = " + percent(share) + "% < "
                + plain(thresholdPercent) + "%";
        return Optional.of(new Reason(List.of(s), s.shortfall(), field(numeratorField).map(ReportField::nameZh).orElse(numeratorField) + ratio,
                field(numeratorField).map(ReportField::nameEn).orElse(numeratorField) + ratio));
    }

    /**
     * The fewest further units meeting the rule that bring a compliance rate to an AT_LEAST target:
     * the smallest N with (met + N) / units * 100 >= threshold. Empty when even every unit would not
     * (a threshold above 100%) or there are no units.
     */
    public static OptionalLong unitsToClose(long met, long units, BigDecimal thresholdPercent) {
        if (units <= 0 || thresholdPercent.compareTo(HUNDRED) > 0) {
            return OptionalLong.empty();
        }
        // (met + N) * 100 >= threshold * units  <=>  N >= ceil(threshold * units / 100) - met
        long needed = thresholdPercent.multiply(BigDecimal.valueOf(units)).divide(HUNDRED, 0, RoundingMode.CEILING)
                .longValueExact();
        return OptionalLong.of(Math.max(0, needed - met));
    }

    public static String closingZh(long n, BigDecimal thresholdPercent) {
        return n == 0 ? "已达到目标 ≥ " + plain(thresholdPercent) + "%"
                : "再有 " + n + " 家达标即可达到目标 ≥ " + plain(thresholdPercent) + "%";
    }

    public static String closingEn(long n, BigDecimal thresholdPercent) {
        return n == 0 ? "the target (>= " + plain(thresholdPercent) + "%) is reached"
                : n + (n == 1 ? " more unit meeting the rule reaches" : " more units meeting the rule reach")
                        + " the target (>= "
                        + plain(thresholdPercent) + "%)";
    }

    private static void collect(Condition c, Map<String, BigDecimal> facts, List<Shortfall> out) {
        if (c.test(facts)) {
            return;
        }
        switch (c) {
            case Condition.All all -> all.parts().forEach(p -> collect(p, facts, out));
            case Condition.Compare cmp -> {
                BigDecimal actual = facts.getOrDefault(cmp.field(), BigDecimal.ZERO);
                // "> 3" on whole figures needs 4: one more than the bound.
                BigDecimal required = cmp.op() == Condition.Op.GT ? cmp.value().add(BigDecimal.ONE) : cmp.value();
                out.add(new Shortfall(cmp.field(), cmp.describe(), required, actual, required.subtract(actual).abs()));
            }
            case Condition.ShareAtLeast s -> {
                BigDecimal part = facts.getOrDefault(s.part(), BigDecimal.ZERO);
                BigDecimal whole = facts.get(s.whole());
                BigDecimal share = whole == null || whole.signum() <= 0 ? BigDecimal.ZERO
                        : part.multiply(HUNDRED).divide(whole, 4, RoundingMode.HALF_UP);
                out.add(new Shortfall(s.part(), s.describe(), s.percent(), share, s.percent().subtract(share)));
            }
            case Condition.GradeRange g -> {
                BigDecimal actual = facts.getOrDefault(HospitalGrade.FACT, BigDecimal.ZERO);
                BigDecimal required = g.min().asFact();
                out.add(new Shortfall(HospitalGrade.FACT, g.describe(), required, actual,
                        required.subtract(actual).max(BigDecimal.ONE)));
            }
            // No alternative holds: one shortfall for the whole choice, the distance of a missing flag.
            case Condition.Any any -> out.add(new Shortfall(null, any.describe(), null, null, BigDecimal.ONE));
        }
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** A share in percent to one decimal, as dashboards show it (16.7). */
    static String percent(BigDecimal v) {
        return plain(v.setScale(1, RoundingMode.HALF_UP));
    }

    /** The report field of any reporter by name: rules read institution and county figures alike. */
    static Optional<ReportField> field(String name) {
        for (Reporter r : Reporter.values()) {
            Optional<ReportField> f = name == null ? Optional.empty() : ReportField.byName(r, name);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    // --- wording: counted technique fields read "5 类 9 项", flags "未设置中医馆", shares "1/6 = 16.7%" ---

    /** Fields counted in a measure word: the rule's own words (6类10项), not the form's long labels. */
    private static final Map<String, String[]> MEASURES = Map.of(
            "techniqueClasses", new String[] {"类", "class", "classes"},
            "techniqueItems", new String[] {"项", "item", "items"});

    private static String zh(List<Shortfall> parts, Condition rule, Map<String, BigDecimal> facts) {
        List<String> out = new ArrayList<>();
        List<Shortfall> measured = parts.stream().filter(p -> MEASURES.containsKey(p.field())).toList();
        if (!measured.isEmpty()) {
            StringBuilder have = new StringBuilder();
            rule.fields().stream().filter(MEASURES::containsKey).forEach(f -> have.append(have.isEmpty() ? "" : " ")
                    .append(plain(facts.getOrDefault(f, BigDecimal.ZERO))).append(" ").append(MEASURES.get(f)[0]));
            StringBuilder need = new StringBuilder();
            measured.forEach(p -> need.append(need.isEmpty() ? "" : " ").append(plain(p.shortfall())).append(" ")
                    .append(MEASURES.get(p.field())[0]));
            out.add(have + "：还差 " + need);
        }
        for (Shortfall p : parts) {
            if (MEASURES.containsKey(p.field())) {
                continue;
            }
            Optional<ReportField> f = field(p.field());
            String label = f.map(ReportField::nameZh).orElse(String.valueOf(p.field()));
            if (p.field() == null) {
                out.add("均不满足：" + p.rule());
            } else if (HospitalGrade.FACT.equals(p.field())) {
                out.add("医院等级未达到要求（" + p.rule() + "）");
            } else if (p.rule().contains("% of ")) {
                out.add(label + " " + ratio(p, facts, rule) + " < " + plain(p.required()) + "%");
            } else if (f.filter(x -> x.kind() == ReportField.Kind.FLAG).isPresent()) {
                out.add(label.matches("^(设置|建设|达到|具备|提供|配备|接入).*") ? "未" + label : label + "：否");
            } else {
                out.add(label + " " + plain(p.actual()) + "，要求 ≥ " + plain(p.required()) + "：还差 "
                        + plain(p.shortfall()));
            }
        }
        return String.join("；", out);
    }

    private static String en(List<Shortfall> parts, Condition rule, Map<String, BigDecimal> facts) {
        List<String> out = new ArrayList<>();
        List<String> need = new ArrayList<>();
        for (Shortfall p : parts) {
            if (MEASURES.containsKey(p.field())) {
                String[] m = MEASURES.get(p.field());
                need.add(plain(p.shortfall()) + " more " + (p.shortfall().compareTo(BigDecimal.ONE) == 0 ? m[1] : m[2]));
            }
        }
        if (!need.isEmpty()) {
            out.add("needs " + String.join(" and ", need));
        }
        for (Shortfall p : parts) {
            if (MEASURES.containsKey(p.field())) {
                continue;
            }
            Optional<ReportField> f = field(p.field());
            String label = f.map(ReportField::nameEn).orElse(String.valueOf(p.field()));
            if (p.field() == null) {
                out.add("none of: " + p.rule());
            } else if (HospitalGrade.FACT.equals(p.field())) {
                out.add("hospital grade below the rule (" + p.rule() + ")");
            } else if (p.rule().contains("% of ")) {
                out.add(label + " " + ratio(p, facts, rule) + " < " + plain(p.required()) + "%");
            } else if (f.filter(x -> x.kind() == ReportField.Kind.FLAG).isPresent()) {
                out.add(label.startsWith("Has ") ? "No " + label.replaceFirst("^Has (an? )?", "") : "not: " + label);
            } else {
                out.add(label + " " + plain(p.actual()) + ", needs >= " + plain(p.required()) + ": "
                        + plain(p.shortfall()) + " more");
            }
        }
        return String.join("; ", out);
    }

    /** {@code part/whole = share%} of a share rule, read back from the facts it was computed on. */
    private static String ratio(Shortfall p, Map<String, BigDecimal> facts, Condition rule) {
        String whole = rule.fields().stream().filter(f -> p.rule().endsWith("% of " + f)).findFirst().orElse(null);
        return plain(facts.getOrDefault(p.field(), BigDecimal.ZERO)) + "/"
                + (whole == null ? "?" : plain(facts.getOrDefault(whole, BigDecimal.ZERO))) + " = "
                + percent(p.actual()) + "%";
    }
}
