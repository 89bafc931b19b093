package org.tcmeval.evaluation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import org.tcmeval.targets.AggregateRatio;

/** Running sums of an aggregate-ratio indicator for a division (county, city or province) and year. */
@Entity
@Table(name = "aggregate")
public class Aggregate extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public BigDecimal numerator;
    public BigDecimal denominator;

    public AggregateRatio ratio() {
        return new AggregateRatio(numerator.longValueExact(), denominator.longValueExact());
    }

    public void add(AggregateRatio delta) {
        numerator = numerator.add(BigDecimal.valueOf(delta.numerator()));
        denominator = denominator.add(BigDecimal.valueOf(delta.denominator()));
    }

    @Embeddable
    public record Key(@Column(name = "division_code") String divisionCode,
            @Column(name = "indicator_code") String indicatorCode, @Column(name = "year") int year)
            implements Serializable {
    }
}
