package org.tcmeval.evaluation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tcmeval.targets.Comparator;

/**
 * The judged value of one indicator (指标结果) for one division and year: what a scorecard shows and
 * what {@code target-evaluated} announces. {@link #sequence} grows with every change.
 */
@Entity
@Table(name = "indicator_result")
public class IndicatorResult extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** COUNTY, CITY or PROVINCE. */
    public String scope;

    @Enumerated(EnumType.STRING)
    public ResultStatus status;

    public BigDecimal value;
    public BigDecimal numerator;
    public BigDecimal denominator;

    @Enumerated(EnumType.STRING)
    public Comparator comparator;

    public BigDecimal threshold;

    @Column(name = "upper_bound")
    public BigDecimal upper;

    @Column(name = "profile_id")
    public String profileId;

    @Column(name = "units_decided")
    public long unitsDecided;

    @Column(name = "units_expected")
    public long unitsExpected;

    /** Decided / expected units in percent; null when no unit is expected. */
    public BigDecimal completeness;

    /** Why there is no verdict: the inapplicability reason, the not-computed reason, or missing division figures. */
    public String reason;

    /** The condition a NOT_APPLICABLE target failed, or the division it is judged at. */
    @Column(name = "condition_text")
    public String condition;

    /** The division's own figures for the fields the condition reads, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "actual_figures")
    public String actualFigures;

    /** The residents the result read (a condition's figure, or a density's or coverage's sum); null if none. */
    public BigDecimal population;

    /** REPORTED, REGISTRY or MIXED: where {@link #population} came from; null exactly when it is. */
    @Column(name = "population_source")
    public String populationSource;

    public long sequence;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Embeddable
    public record Key(@Column(name = "unit_id") String unitId, @Column(name = "indicator_code") String indicatorCode,
            @Column(name = "year") int year) implements Serializable {
    }
}
