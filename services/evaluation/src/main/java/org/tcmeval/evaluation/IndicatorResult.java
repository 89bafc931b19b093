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
import org.tcmeval.targets.Comparator;

/**
 * The judged value of one indicator (指标结果) for one unit and year: what a scorecard shows and
 * what {@code target-evaluated} announces. {@link #sequence} grows with every change.
 */
@Entity
@Table(name = "indicator_result")
public class IndicatorResult extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** INSTITUTION, COUNTY, CITY or PROVINCE. */
    public String scope;

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

    @Enumerated(EnumType.STRING)
    public Scoring.Status status;

    public long sequence;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Embeddable
    public record Key(@Column(name = "unit_id") String unitId, @Column(name = "indicator_code") String indicatorCode,
            @Column(name = "year") int year) implements Serializable {
    }
}
