package org.tcmeval.events;

import java.math.BigDecimal;
import org.tcmeval.targets.Comparator;

/**
 * The outcome of one indicator for one division and year, emitted whenever anything a reader sees
 * changes (status, value, sums, target, completeness, reason); the Kafka key is
 * {@code division:indicator:year:profileId} ({@code none} without a target).
 *
 * <p>Dataversion 2 added the completeness and the reason, and the statuses NOT_APPLICABLE,
 * INCOMPLETE and NOT_COMPUTED; since then only divisions (COUNTY, CITY, PROVINCE) are announced.
 *
 * @param scope COUNTY, CITY or PROVINCE (INSTITUTION in dataversion 1 only)
 * @param unitId the division code
 * @param sequence increases with every change of this outcome; consumers keep the highest
 * @param value the computed value in the indicator's unit, {@code null} when there is none
 * @param status MET, NOT_MET, NOT_APPLICABLE, NO_DATA, INCOMPLETE, NO_TARGET or NOT_COMPUTED
 * @param completeness units decided out of units expected, in percent; {@code null} when none is expected
 * @param unitsDecided units whose counting report decided them (counted or outside the filter)
 * @param unitsExpected units that should have reported (operating institutions of the applicable types)
 * @param reason why there is no verdict (e.g. DIVISION_CONDITION_NOT_MET), else {@code null}
 * @param condition the condition a NOT_APPLICABLE target failed, or the division it is judged at; with NO_DATA
 *                  and reason MISSING_DIVISION_FIGURES, the condition that waits on those figures
 * @param population the residents the outcome read: the figure a division condition tested ("more than
 *                   300,000 residents"), else a density's or coverage's summed residents; {@code null}
 *                   when it read none (and in events written before the field existed)
 * @param populationSource REPORTED (the division's own report), REGISTRY (the registry's figure, the
 *                         report had none) or MIXED (summed units of both); {@code null} exactly when
 *                         {@code population} is. Added within dataversion 2: optional, so consumers
 *                         of the earlier shape read these events as before
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
        String status,
        BigDecimal completeness,
        Long unitsDecided,
        Long unitsExpected,
        String reason,
        String condition,
        BigDecimal population,
        String populationSource) {

    public static final int VERSION = 2;

    /** The shape before {@code population} and {@code populationSource}: neither is known. */
    public TargetEvaluated(String scope, String unitId, String indicatorCode, int year, long sequence, BigDecimal value,
            BigDecimal numerator, BigDecimal denominator, Comparator comparator, BigDecimal threshold, BigDecimal upper,
            String profileId, String status, BigDecimal completeness, Long unitsDecided, Long unitsExpected,
            String reason, String condition) {
        this(scope, unitId, indicatorCode, year, sequence, value, numerator, denominator, comparator, threshold, upper,
                profileId, status, completeness, unitsDecided, unitsExpected, reason, condition, null, null);
    }
}
