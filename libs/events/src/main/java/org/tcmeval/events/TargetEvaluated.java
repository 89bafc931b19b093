package org.tcmeval.events;

import java.math.BigDecimal;
import org.tcmeval.targets.Comparator;

/**
 * The outcome of one indicator for one unit (an institution or a division) and year, emitted
 * whenever the outcome or its value changes.
 *
 * @param scope INSTITUTION, COUNTY, CITY or PROVINCE
 * @param unitId institution id for INSTITUTION scope, else the division code
 * @param sequence increases with every change of this outcome; consumers keep the highest
 * @param value the computed value in the indicator's unit, {@code null} with status NO_DATA
 * @param status MET, NOT_MET or NO_DATA
 */
public record TargetEvaluated(
        String scope,
        String unitId,
        String indicatorCode,
        int year,
        long sequence,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        Comparator comparator,
        BigDecimal threshold,
        BigDecimal upper,
        String profileId,
        String status) {

    public static final int VERSION = 1;
}
