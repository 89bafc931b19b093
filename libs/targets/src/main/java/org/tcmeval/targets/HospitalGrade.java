package org.tcmeval.targets;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * Hospital grade (医院等级) in the order the plans compare them: 二级甲等及以上 (grade 2A or above)
 * admits every grade-3 hospital, 二级以上 (grade 2 or above) admits a grade-2 hospital whose
 * sub-grade (甲乙丙) is not rated yet. So within a level the unrated grade sorts lowest, and a rule
 * "grade 2 or above" is written as {@code >= GRADE_2}.
 *
 * <p>Conditions read the grade as the fact {@value #FACT}, whose value is {@link #rank()}, so
 * the engine passes grades in the same number map as every other fact.
 */
public enum HospitalGrade {
    UNGRADED("未定级", "0"),
    GRADE_1("一级", "1"),
    GRADE_1C("一级丙等", "1C"),
    GRADE_1B("一级乙等", "1B"),
    GRADE_1A("一级甲等", "1A"),
    GRADE_2("二级", "2"),
    GRADE_2C("二级丙等", "2C"),
    GRADE_2B("二级乙等", "2B"),
    GRADE_2A("二级甲等", "2A"),
    GRADE_3("三级", "3"),
    GRADE_3C("三级丙等", "3C"),
    GRADE_3B("三级乙等", "3B"),
    GRADE_3A("三级甲等", "3A");

    /** Name of the institution fact that carries a hospital's grade rank. */
    public static final String FACT = "hospitalGrade";

    private final String nameZh;
    private final String label;

    HospitalGrade(String nameZh, String label) {
        this.nameZh = nameZh;
        this.label = label;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Short label used when a condition is written out, e.g. {@code 2A}. */
    public String label() {
        return label;
    }

    public int rank() {
        return ordinal();
    }

    /** The grade as a fact value for {@link Condition#test}. */
    public BigDecimal asFact() {
        return BigDecimal.valueOf(rank());
    }

    public static Optional<HospitalGrade> ofRank(BigDecimal rank) {
        if (rank == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(g -> BigDecimal.valueOf(g.rank()).compareTo(rank) == 0).findFirst();
    }
}
